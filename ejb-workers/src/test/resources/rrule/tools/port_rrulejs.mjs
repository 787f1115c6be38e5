#!/usr/bin/env node
/*
 * Port rrule.js's RRULE test suite (test/rrule.test.ts) to JSON test data for
 * Taskflow, in the shape of ../dateutil-cases.json (see port_dateutil.py).
 *
 * SOURCE OF THE CASES
 *   rrule.js (https://github.com/jkbrzt/rrule) at commit
 *   9f2061febeeb363d03352efe33d30c33073a0242 (2023-11-10, "remove reference to
 *   manual download" = tag v2.8.0 + a README-only change), file
 *   test/rrule.test.ts, evaluated against that commit's own src/.
 *   Every emitted case is re-run through the npm package rrule@2.8.1 (the
 *   latest release) and cross-checked with python-dateutil 2.9.0.
 *
 * HOW TO REGENERATE ../rrulejs-cases.json
 *   W=/tmp/rrjs; mkdir -p $W/repo && cd $W
 *   git clone https://github.com/jkbrzt/rrule rrule.git
 *   git -C rrule.git archive 9f2061febeeb363d03352efe33d30c33073a0242 src test package.json | tar -x -C repo
 *   npm init -y && npm install --no-audit --no-fund rrule@2.8.1 esbuild@0.20.2 tslib
 *   cd <taskflow>/ejb-workers/src/test/resources/rrule/tools
 *   node port_rrulejs.mjs --work $W          # rewrites ../rrulejs-cases.json
 *   node port_rrulejs.mjs --work $W --check  # exit 1 if the file would change
 *   (-v lists the skipped test names.)  Needs Node 18+ and python3 with
 *   python-dateutil 2.9.0.  The script re-executes itself with TZ=UTC (rrule.js
 *   results depend on the process time zone).  Nothing here is run by the
 *   Maven build; the JSON is committed.
 *
 * HOW IT WORKS
 *   test/rrule.test.ts is bundled with esbuild; its import of ./lib/utils is
 *   replaced by a module that re-exports the real parse/datetime/expectedDate
 *   but records every testRecurring(name, rule|{rrule,method,args}, expected)
 *   (and testRecurring.skip) instead of registering a jest test; `mockdate` is
 *   a no-op (with TZ=UTC the mocked "now" does not change results).  describe()
 *   and beforeAll() run at once; every it() body runs with a recording expect()
 *   and with RRule.prototype.all/between/before/after/count recording the rule
 *   they were called on.  An asserted list of dates is ported when it is
 *     * the complete occurrence list of a finite rule (COUNT/UNTIL), or
 *     * the first N occurrences of the rule (also when the test got it with
 *       between()/after(); noted).
 *   The case is emitted from rule.toString() ("DTSTART...\nRRULE:..."):
 *   dtstart = DTSTART as a naive ISO date-time, tzid = the rule's tzid or
 *   "UTC" (rrule.js keeps "floating" times as UTC dates), rrule = the RRULE
 *   value verbatim, except that FREQ=YEARLY (rrule.js's default) is put first
 *   when toString() left FREQ out.  Each case is re-parsed by npm rrule@2.8.1
 *   (RRule.fromString(...).all(), limited to N for infinite rules) and dropped
 *   unless it reproduces; dateutil.rrule.rrulestr (2 s alarm per case) gives
 *   dateutil_agrees, with the first difference in notes.
 *   Skipped: testRecurring.skip (BYEASTER), RRuleSet, BYEASTER, before()/
 *   after()/between() results that are not the first N occurrences, and it()
 *   tests that assert no occurrence list (rrulestr parsing, options, toString,
 *   toText, throws).
 *
 * OUTPUT FIELDS: id ("rrulejs-" + test name; non [A-Za-z0-9_] runs become "-",
 *   GitHub issue/PR links become their number, nested describe() names are
 *   prefixed; -2, -3 for a test's further cases), dtstart, tzid, rrule, wkst
 *   (only when not MO), expected (naive, in tzid), expected_utc, finite,
 *   start_on_pattern (dtstart == first expected occurrence), rfc5545_valid
 *   (false = outside RFC 5545 3.3.10, reason in notes), dateutil_agrees,
 *   source, notes.  Sorted by id, 1-space JSON indentation.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// ---------------------------------------------------------------------------
// Arguments; force TZ=UTC
// ---------------------------------------------------------------------------
if (process.env.TZ !== 'UTC') {
  const r = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  })
  process.exit(r.status ?? 1)
}

const HERE = path.dirname(fileURLToPath(import.meta.url))
const argv = process.argv.slice(2)
const opt = (name, dflt) => {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : dflt
}
const WORK = path.resolve(opt('--work', '/tmp/rrjs'))
const REPO = path.resolve(opt('--repo', path.join(WORK, 'repo')))
const OUT = path.resolve(opt('--out', path.join(HERE, '..', 'rrulejs-cases.json')))
const CHECK = argv.includes('--check')
const VERBOSE = argv.includes('-v') || argv.includes('--verbose')
const TEST_FILE = path.join(REPO, 'test', 'rrule.test.ts')
const COMMIT = '9f2061febeeb363d03352efe33d30c33073a0242'
const SOURCE = `rrule.js 2.8.0 (jkbrzt/rrule@${COMMIT.slice(0, 7)}) test/rrule.test.ts`

const requireW = createRequire(path.join(WORK, 'package.json'))
const esbuild = requireW('esbuild')
const npmRRule = requireW('rrule')
const npmVersion = JSON.parse(
  fs.readFileSync(requireW.resolve('rrule/package.json'), 'utf8')
).version
if (npmVersion !== '2.8.1') console.error(`warning: npm rrule ${npmVersion}, data was made with 2.8.1`)
const repoVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version
if (repoVersion !== '2.8.0') console.error(`warning: repo is rrule ${repoVersion}, data was made with 2.8.0`)

// ---------------------------------------------------------------------------
// RFC 5545 3.3.10 checks (same rules and messages as port_dateutil.py)
// ---------------------------------------------------------------------------
const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
const RANGES = {
  BYSECOND: [0, 60, false], BYMINUTE: [0, 59, false], BYHOUR: [0, 23, false],
  BYMONTH: [1, 12, false], BYMONTHDAY: [1, 31, true], BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true], BYSETPOS: [1, 366, true],
}

function rfcViolations(value) {
  const out = []
  const parts = new Map()
  for (const p of value.split(';')) {
    const i = p.indexOf('=')
    if (i < 0) return [`malformed part '${p}'`]
    const k = p.slice(0, i).toUpperCase()
    if (parts.has(k)) out.push(`${k} given twice`)
    parts.set(k, p.slice(i + 1).toUpperCase())
  }
  const freq = parts.get('FREQ')
  if (freq === undefined) out.push('FREQ missing')
  else if (!FREQS.includes(freq)) out.push('unknown FREQ')
  if (parts.has('COUNT') && parts.has('UNTIL')) out.push('COUNT and UNTIL together')
  for (const k of ['COUNT', 'INTERVAL'])
    if (parts.has(k) && !(/^\d+$/.test(parts.get(k)) && Number(parts.get(k)) >= 1))
      out.push(`${k} must be a positive integer`)
  if (parts.has('WKST') && !DAYS.includes(parts.get('WKST'))) out.push('bad WKST')
  for (const [k, [lo, hi, signed]] of Object.entries(RANGES)) {
    if (!parts.has(k)) continue
    for (const item of parts.get(k).split(',')) {
      if (!/^[+-]?\d+$/.test(item)) {
        out.push(`${k} value '${item}' not an integer`)
        continue
      }
      const n = Number(item)
      if ((n < 0 && !signed) || !(lo <= Math.abs(n) && Math.abs(n) <= hi))
        out.push(`${k}=${item} out of range`)
    }
  }
  const by = [...parts.keys()].filter((k) => k.startsWith('BY'))
  if (parts.has('BYEASTER')) out.push('BYEASTER is a dateutil extension')
  if (parts.has('BYWEEKNO') && freq !== 'YEARLY') out.push('BYWEEKNO only allowed with FREQ=YEARLY')
  if (parts.has('BYYEARDAY') && ['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq))
    out.push(`BYYEARDAY not allowed with FREQ=${freq}`)
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') out.push('BYMONTHDAY not allowed with FREQ=WEEKLY')
  if (parts.has('BYSETPOS') && by.length < 2) out.push('BYSETPOS without another BYxxx part')
  if (parts.has('BYDAY')) {
    for (const item of parts.get('BYDAY').split(',')) {
      const day = item.slice(-2)
      const num = item.slice(0, -2)
      if (!DAYS.includes(day)) out.push(`bad BYDAY value '${item}'`)
      else if (num) {
        if (!/^[+-]?\d+$/.test(num)) {
          out.push(`bad BYDAY value '${item}'`)
          continue
        }
        const n = Number(num)
        if (!(Math.abs(n) >= 1 && Math.abs(n) <= 53)) out.push(`BYDAY ordinal out of range '${item}'`)
        if (!['MONTHLY', 'YEARLY'].includes(freq)) out.push(`numeric BYDAY (${item}) with FREQ=${freq}`)
        else if (freq === 'YEARLY' && parts.has('BYWEEKNO'))
          out.push(`numeric BYDAY (${item}) with YEARLY+BYWEEKNO`)
      }
    }
  }
  return [...new Set(out)]
}

// ---------------------------------------------------------------------------
// Date helpers (process runs with TZ=UTC)
// ---------------------------------------------------------------------------
const pad = (n, w = 2) => String(n).padStart(w, '0')
function isoUTC(d) {
  // naive ISO of the UTC fields, seconds precision (milliseconds dropped)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
const fmtCache = new Map()
function isoIn(d, zone) {
  if (zone === 'UTC') return isoUTC(d)
  if (!fmtCache.has(zone))
    fmtCache.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }))
  const p = Object.fromEntries(fmtCache.get(zone).formatToParts(d).map((x) => [x.type, x.value]))
  return `${pad(p.year, 4)}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
}
const isDate = (x) => x instanceof Date
const isDateList = (x) => Array.isArray(x) && x.every(isDate)
const sameTimes = (a, b) => a.length === b.length && a.every((d, i) => d.getTime() === b[i].getTime())

// ---------------------------------------------------------------------------
// Instrumented evaluation of the test file
// ---------------------------------------------------------------------------
const PORT = {
  RRule: null,
  RRuleSet: null,
  tests: [], // {name, kind: 'recurring'|'it', ...}
  describePath: [],
  current: null, // it() being run: {calls: Set<rule>, lists: []}
  recurring(name, testObj, expected, skipped) {
    if (typeof testObj === 'function') testObj = testObj()
    let rule, method, args
    if (testObj instanceof PORT.RRule || testObj instanceof PORT.RRuleSet) {
      rule = testObj
      method = 'all'
      args = []
    } else {
      rule = testObj.rrule
      method = testObj.method
      args = testObj.args ?? []
    }
    PORT.tests.push({
      name, path: [...PORT.describePath], kind: 'recurring', skipped, rule, method, args,
      expected: Array.isArray(expected) ? expected : [expected],
    })
  },
  bind(RRule, RRuleSet) {
    PORT.RRule = RRule
    PORT.RRuleSet = RRuleSet
    for (const m of ['all', 'between', 'before', 'after', 'count']) {
      const orig = RRule.prototype[m]
      RRule.prototype[m] = function (...a) {
        if (PORT.current) PORT.current.rules.add(this)
        return orig.apply(this, a)
      }
    }
  },
}
globalThis.__port = PORT

const SKIP = Symbol('skip')
function makeExpect() {
  const record = (actual) =>
    new Proxy({}, {
      get(_t, prop) {
        if (prop === 'not' || prop === 'resolves' || prop === 'rejects') return record(SKIP)
        return (...a) => {
          if (actual !== SKIP && (prop === 'toEqual' || prop === 'toStrictEqual' || prop === 'toBe')) {
            const exp = a[0]
            if (isDate(exp) || (isDateList(exp) && (exp.length || isDateList(actual))))
              PORT.current?.lists.push(Array.isArray(exp) ? exp : [exp])
          }
        }
      },
    })
  return record
}
globalThis.expect = makeExpect()
globalThis.describe = (name, fn) => {
  PORT.describePath.push(name)
  try {
    fn()
  } finally {
    PORT.describePath.pop()
  }
}
globalThis.describe.skip = () => {}
globalThis.describe.only = globalThis.describe
globalThis.beforeAll = (fn) => fn()
globalThis.afterAll = globalThis.beforeEach = globalThis.afterEach = () => {}
globalThis.it = (name, fn) => {
  PORT.current = { rules: new Set(), lists: [] }
  let error = null
  try {
    fn()
  } catch (e) {
    error = e
  }
  PORT.tests.push({ name, path: [...PORT.describePath], kind: 'it', error, ...PORT.current })
  PORT.current = null
}
globalThis.it.skip = (name) => PORT.tests.push({ name, path: [...PORT.describePath], kind: 'it', skippedIt: true, rules: new Set(), lists: [] })
globalThis.it.only = globalThis.it
globalThis.test = globalThis.it

const stubPlugin = {
  name: 'port-stubs',
  setup(build) {
    build.onResolve({ filter: /^\.\/lib\/utils$/ }, () => ({ path: 'utils', namespace: 'port' }))
    build.onResolve({ filter: /^mockdate$/ }, () => ({ path: 'mockdate', namespace: 'port' }))
    build.onLoad({ filter: /.*/, namespace: 'port' }, (a) => {
      if (a.path === 'mockdate') return { contents: 'export const set = () => {}; export const reset = () => {}', loader: 'js' }
      const u = JSON.stringify(path.join(REPO, 'test', 'lib', 'utils.ts'))
      const s = JSON.stringify(path.join(REPO, 'src', 'index.ts'))
      return {
        loader: 'ts',
        resolveDir: path.join(REPO, 'test', 'lib'),
        contents: `
export { parse, datetime, expectedDate, TEST_CTX } from ${u}
import { RRule, RRuleSet } from ${s}
globalThis.__port.bind(RRule, RRuleSet)
export const testRecurring: any = (n: string, o: unknown, e: unknown) => globalThis.__port.recurring(n, o, e, false)
testRecurring.only = testRecurring
testRecurring.skip = (n: string, o: unknown, e: unknown) => globalThis.__port.recurring(n, o, e, true)
`,
      }
    })
  },
}

const bundle = await esbuild.build({
  entryPoints: [TEST_FILE], bundle: true, write: false, platform: 'node', format: 'cjs',
  target: 'node18', plugins: [stubPlugin], logLevel: 'warning',
})
new Function('require', 'module', 'exports', bundle.outputFiles[0].text)(
  createRequire(TEST_FILE), { exports: {} }, {}
)

// ---------------------------------------------------------------------------
// Case construction
// ---------------------------------------------------------------------------
function slug(name, dpath) {
  const part = (s) =>
    /^[A-Za-z0-9_]+$/.test(s) ? s
      : s.replace(/https?:\/\/github\.com\/[^/\s]+\/[^/\s]+\/(?:issues|pull)\/(\d+)/g, '#$1')
        .replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-+|-+$/g, '')
  return [...dpath.slice(1), name].map(part).join('-')
}
const isFinite_ = (rule) => rule.options.count != null || rule.options.until != null
const hasEaster = (rule) => rule.origOptions.byeaster != null || rule.options.byeaster != null
function firstN(rule, n) {
  return isFinite_(rule) && n === undefined ? rule.clone().all() : rule.clone().all((_d, i) => i < n)
}

function ruleText(rule, fixups) {
  const text = rule.toString()
  const lines = text.split('\n')
  const dl = lines.filter((l) => l.startsWith('DTSTART'))
  const rl = lines.filter((l) => l.startsWith('RRULE:'))
  if (dl.length !== 1 || rl.length !== 1 || lines.length !== 2) return { error: `unexpected toString() ${JSON.stringify(text)}` }
  let value = rl[0].slice('RRULE:'.length)
  if (!/(^|;)FREQ=/.test(value)) {
    value = 'FREQ=YEARLY' + (value ? ';' + value : '')
    fixups.push('rrule.js toString() omits FREQ when the test gave none (default YEARLY); FREQ=YEARLY added')
  }
  const m = dl[0].match(/^DTSTART(?:;TZID=([^:]+))?:(\d{4,})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/)
  if (!m) return { error: `unexpected DTSTART line ${dl[0]}` }
  const [, tzid, y, mo, d, h, mi, s, z] = m
  if (tzid && z) return { error: 'zoned DTSTART with Z' }
  return {
    value, tzid: tzid || 'UTC', zoned: !!tzid,
    dtstart: `${pad(Number(y), 4)}-${mo}-${d}T${h}:${mi}:${s}`,
    dtstartLine: dl[0],
  }
}

function reproduce(rt, expected, finite) {
  let rr
  try {
    rr = npmRRule.RRule.fromString(`${rt.dtstartLine}\nRRULE:${rt.value}`)
  } catch (e) {
    return `npm rrule fromString raised ${e}`
  }
  const got = finite ? rr.all() : rr.all((_d, i) => i < expected.length)
  const a = got.map((d) => isoUTC(d))
  const b = expected.map((d) => isoUTC(d))
  return JSON.stringify(a) === JSON.stringify(b) ? null : `npm rrule ${npmVersion} gives ${JSON.stringify(a.slice(0, 3))}...`
}

const cases = []
const skipped = new Map()
const drops = []
const skip = (cat, name) => {
  if (!skipped.has(cat)) skipped.set(cat, [])
  skipped.get(cat).push(name)
}

for (const t of PORT.tests) {
  const label = [...t.path.slice(1), t.name].join(' > ')
  // candidate (rule, expected, how) triples
  const cand = []
  if (t.kind === 'recurring') {
    if (t.skipped) {
      skip(t.rule && !(t.rule instanceof PORT.RRuleSet) && hasEaster(t.rule)
        ? 'testRecurring.skip (BYEASTER, not implemented by rrule.js)' : 'testRecurring.skip', label)
      continue
    }
    if (t.rule instanceof PORT.RRuleSet) { skip('RRuleSet / RDATE / EXDATE / EXRULE', label); continue }
    if (hasEaster(t.rule)) { skip('BYEASTER', label); continue }
    const actual = t.rule.clone()[t.method](...t.args)
    const actualList = actual == null ? [] : Array.isArray(actual) ? actual : [actual]
    if (!sameTimes(actualList, t.expected)) { skip('test fails in rrule.js itself', label); continue }
    cand.push({ rule: t.rule, expected: t.expected, method: t.method, args: t.args })
  } else {
    if (t.skippedIt) { skip('it.skip', label); continue }
    if (!t.lists.length) {
      skip('it() asserting no occurrence list (rrulestr parsing, options, toString/toText, throws, after/before round trip)', label)
      continue
    }
    const rules = [...t.rules]
    if (rules.some((r) => r instanceof PORT.RRuleSet)) { skip('RRuleSet / RDATE / EXDATE / EXRULE', label); continue }
    for (const exp of t.lists) {
      const r = rules.find((r) => isFinite_(r) ? sameTimes(firstN(r), exp) : exp.length > 0 && sameTimes(firstN(r, exp.length), exp))
      cand.push(r ? { rule: r, expected: exp, method: 'it' } : { rule: null, expected: exp })
    }
  }
  const seen = new Set()
  const testCases = []
  let problem = null
  for (const c of cand) {
    if (!c.rule) { problem = 'it() list that is not a prefix of any rule it used'; continue }
    const rule = c.rule
    const finite = isFinite_(rule)
    const full = finite ? firstN(rule) : null
    const prefix = finite ? full.slice(0, c.expected.length) : firstN(rule, c.expected.length)
    const complete = finite && sameTimes(full, c.expected)
    if (!complete && !(c.expected.length && sameTimes(prefix, c.expected))) {
      problem = finite ? `${c.method}() result is not the complete occurrence list` : `${c.method}() result is not the first N occurrences`
      if (c.method === 'before' || c.method === 'after' || c.method === 'between')
        problem = 'before() / after() / between() result that is not the first N occurrences'
      continue
    }
    if (finite && !complete) { problem = 'partial view of a finite rule'; continue }
    const fixups = []
    const rt = ruleText(rule, fixups)
    if (rt.error) { problem = rt.error; continue }
    const err = reproduce(rt, c.expected, finite)
    if (err) { drops.push(`${label}: ${err}`); problem = 'does not reproduce through npm rrule fromString()'; continue }
    const exp = c.expected.map((d) => isoIn(d, rt.tzid))
    const key = JSON.stringify([rt.value, rt.dtstart, rt.tzid, exp])
    if (seen.has(key)) continue
    seen.add(key)
    const notes = [rt.zoned
      ? `zoned: rrule.js reads DTSTART's UTC fields as wall time in ${rt.tzid}; expected = those instants in ${rt.tzid}`
      : 'rrule.js UTC date-times (DTSTART:...Z) used as floating; tzid UTC is nominal']
    if (!finite) notes.push(`infinite rule; expected = first ${exp.length} occurrences asserted by the test`)
    if (c.method === 'between' || c.method === 'before' || c.method === 'after')
      notes.push(`test asserted ${c.method}(${c.args.map((a) => (isDate(a) ? isoUTC(a) : String(a))).join(', ')}), which equals the first ${exp.length} occurrences`)
    if (!exp.length) notes.push('no occurrences' + (rule.options.until == null && rule.options.count != null && rule.options.count > 0 ? '; rule never matches before year 9999' : ''))
    const od = rule.origOptions.dtstart
    if (od && od.getUTCMilliseconds()) fixups.push(`test DTSTART had milliseconds (.${pad(od.getUTCMilliseconds(), 3)}); toString() drops them, expected at second precision`)
    const ou = rule.origOptions.until
    if (ou && ou.getUTCMilliseconds()) fixups.push(`test UNTIL had milliseconds (.${pad(ou.getUTCMilliseconds(), 3)}); toString() drops them`)
    const bd = /(?:^|;)BYDAY=([^;]*)/.exec(rt.value)
    if (bd && /\d/.test(bd[1]) && rule.options.freq > npmRRule.RRule.MONTHLY)
      fixups.push('ordinal BYDAY with a sub-monthly FREQ; rrule.js ignores the ordinals')
    if (t.kind === 'it') fixups.push('from an it() block: list asserted with expect().toEqual')
    const viol = rfcViolations(rt.value)
    if (viol.length) notes.push('rrule.js accepts, RFC 5545 3.3.10 does not: ' + viol.join('; '))
    notes.push(...fixups)
    const wk = /(?:^|;)WKST=([A-Z]{2})/.exec(rt.value)
    const cs = { id: 'rrulejs-' + slug(t.name, t.path), dtstart: rt.dtstart, tzid: rt.tzid, rrule: rt.value }
    if (wk && wk[1] !== 'MO') cs.wkst = wk[1]
    Object.assign(cs, {
      expected: exp,
      expected_utc: c.expected.map((d) => isoUTC(d) + 'Z'),
      finite,
      start_on_pattern: exp.length > 0 && exp[0] === rt.dtstart,
      rfc5545_valid: viol.length === 0,
      dateutil_agrees: null,
      source: `${SOURCE} '${label}'`,
      notes,
    })
    testCases.push(cs)
  }
  if (!testCases.length) { skip(problem || 'nothing ported', label); continue }
  if (problem) console.error(`NOTE ${label}: some assertions not ported (${problem})`)
  testCases.forEach((c, i) => { if (i) c.id += `-${i + 1}` })
  cases.push(...testCases)
}

// ids unique across tests (two tests with the same slug get -2, -3 ...)
cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
{
  const count = new Map()
  for (const c of cases) {
    const n = (count.get(c.id) || 0) + 1
    count.set(c.id, n)
    if (n > 1) c.id += `-${n}`
  }
}

// ---------------------------------------------------------------------------
// python-dateutil cross-check
// ---------------------------------------------------------------------------
const PY = String.raw`
import itertools, json, signal, sys
import dateutil
from dateutil import tz
from dateutil.rrule import rrulestr, rrule
def alarm(*a): raise TimeoutError("over 2 s")
signal.signal(signal.SIGALRM, alarm)
out = []
for c in json.load(sys.stdin):
    ds = c["dtstart"].replace("-", "").replace(":", "")
    if c["tzid"] == "UTC":
        text = "DTSTART:%sZ\nRRULE:%s" % (ds, c["rrule"])
    else:
        text = "DTSTART;TZID=%s:%s\nRRULE:%s" % (c["tzid"], ds, c["rrule"])
    signal.alarm(2)
    try:
        r = rrulestr(text)
        n = len(c["expected"])
        got = list(itertools.islice(r, n + 1 if c["finite"] else n))
        z = tz.UTC if c["tzid"] == "UTC" else tz.gettz(c["tzid"])
        got = [d.astimezone(z).replace(tzinfo=None).isoformat(timespec="seconds") for d in got]
        out.append({"got": got})
    except BaseException as e:
        out.append({"error": "%s: %s" % (type(e).__name__, e)})
    finally:
        signal.alarm(0)
print(json.dumps({"version": dateutil.__version__, "results": out}))
`
const py = spawnSync('python3', ['-c', PY], {
  input: JSON.stringify(cases.map((c) => ({ dtstart: c.dtstart, tzid: c.tzid, rrule: c.rrule, expected: c.expected, finite: c.finite }))),
  encoding: 'utf8', maxBuffer: 64 << 20,
})
if (py.status !== 0) {
  console.error(py.stderr)
  process.exit(2)
}
const pyOut = JSON.parse(py.stdout)
if (!pyOut.version.startsWith('2.9.0')) console.error(`warning: dateutil ${pyOut.version}, data was made with 2.9.0`)
const disagreements = []
cases.forEach((c, i) => {
  const r = pyOut.results[i]
  let note = null
  if (r.error) note = `python-dateutil ${pyOut.version} rrulestr raised ${r.error}`
  else {
    const got = r.got
    const n = Math.max(got.length, c.expected.length)
    for (let k = 0; k < n; k++) {
      if (got[k] !== c.expected[k]) {
        note = `python-dateutil ${pyOut.version} differs at occurrence ${k + 1}: rrule.js ${c.expected[k] ?? '(none)'}, dateutil ${got[k] ?? '(none)'}`
        break
      }
    }
  }
  c.dateutil_agrees = note === null
  if (note) {
    c.notes.push(note)
    disagreements.push(`${c.id}  ${c.rrule}  dtstart ${c.dtstart}: ${note}`)
  }
  c.notes = c.notes.join('; ')
})

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------
const text = JSON.stringify(cases, null, 1) + '\n'
const nTests = PORT.tests.length
console.error(`tests seen: ${nTests} (testRecurring ${PORT.tests.filter((t) => t.kind === 'recurring').length}, it ${PORT.tests.filter((t) => t.kind === 'it').length}); cases emitted: ${cases.length} (from ${new Set(cases.map((c) => c.source)).size} tests)`)
for (const [k, v] of [...skipped.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
  console.error(`  skipped ${String(v.length).padStart(3)}  ${k}`)
  if (VERBOSE) console.error('      ' + v.join(' | '))
}
console.error(`rfc5545_valid true/false: ${cases.filter((c) => c.rfc5545_valid).length}/${cases.filter((c) => !c.rfc5545_valid).length}; ` +
  `start_on_pattern true/false: ${cases.filter((c) => c.start_on_pattern).length}/${cases.filter((c) => !c.start_on_pattern).length}; ` +
  `finite/infinite: ${cases.filter((c) => c.finite).length}/${cases.filter((c) => !c.finite).length}; ` +
  `dateutil_agrees false: ${disagreements.length}`)
for (const d of drops) console.error('  dropped (npm rrule): ' + d)
for (const d of disagreements) console.error('  dateutil differs: ' + d)
if (CHECK) {
  let same = false
  try {
    same = fs.readFileSync(OUT, 'utf8') === text
  } catch {}
  console.error(same ? 'up to date' : 'DIFFERS: ' + OUT)
  process.exit(same ? 0 : 1)
}
fs.writeFileSync(OUT, text)
console.error('wrote ' + OUT)
