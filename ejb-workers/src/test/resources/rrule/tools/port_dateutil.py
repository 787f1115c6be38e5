#!/usr/bin/env python3
"""Port python-dateutil's RRULE test suite to JSON test data for Taskflow.

HOW TO REGENERATE ../dateutil-cases.json
----------------------------------------
    cd ejb-workers/src/test/resources/rrule/tools
    python3 port_dateutil.py            # rewrites ../dateutil-cases.json
    python3 port_dateutil.py --check    # exit 1 if the file would change

Requirements: python3 (3.8+), python-dateutil 2.9.0 (2.9.0.post0), six and
pytest (both imported by the test file). freezegun is stubbed if missing.
Nothing here is run by the Maven build; the JSON is committed.

Input: dateutil_test_rrule.py (next to this script) = verbatim copy of
dateutil tests/test_rrule.py at tag 2.9.0 (commit db9d0189...), preceded
by a license/provenance comment.  Use --test-file to point elsewhere.

How it works: every test method of class RRuleTest is executed with
dateutil.rrule.rrule / rruleset replaced by recording __init__ wrappers (so rules
built by rrulestr() and rrule.replace() are seen too) and with assertEqual
recording its arguments.  Each asserted list of datetimes is matched against
the rrule objects the test built:
  * finite rule (COUNT/UNTIL) whose complete occurrence list equals it, or
  * infinite rule whose first N occurrences equal it (test sliced/between'd).
Matched rules are emitted as DTSTART + RRULE (from str(rrule); UNTIL is
rewritten to UTC "Z" form and DTSTART gets a TZID when the rule is zoned),
then re-parsed with dateutil.rrule.rrulestr and compared with the expected
list; mismatches are dropped.  Skipped tests are counted per category on
stderr.  Whole test categories that are skipped: rruleset/RDATE/EXDATE/EXRULE,
BYEASTER (not RFC 5545), cache=True, str() round-trip tests (no literal
expectation), assertRaises/getitem/count/contains/str/type tests, slices that
are not a prefix, non-IANA tzinfo, the RRuleSetTest/WeekdayTest classes and
module-level functions.

Output fields (same shape as ../rfc5545-examples.json plus extras):
  id, dtstart (naive local ISO), tzid (IANA name; "UTC" for floating/naive
  rules, see notes), rrule (value only, no "RRULE:"), wkst (only when not MO),
  expected / expected_utc, finite, start_on_pattern (dtstart == first
  expected occurrence; dateutil does not emit DTSTART unless it matches),
  rfc5545_valid (false = dateutil extension outside RFC 5545 3.3.10, reason in
  notes), source, notes.
"""
import argparse
import importlib.util
import inspect
import itertools
import json
import os
import sys
import types
import unittest
import warnings
from collections import OrderedDict, defaultdict
from datetime import date, datetime, timezone

import dateutil
import dateutil.rrule as R
from dateutil import tz

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TEST_FILE = os.path.join(HERE, "dateutil_test_rrule.py")
DEFAULT_OUT = os.path.join(HERE, os.pardir, "dateutil-cases.json")
SOURCE = "python-dateutil 2.9.0 test_rrule.py"
MAX_FINITE = 100000  # safety bound when expanding finite rules

# ----------------------------------------------------------------------------
# RFC 5545 3.3.10 checks for the emitted rules (dateutil accepts more).
# ----------------------------------------------------------------------------
FREQS = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY",
         "YEARLY")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
RANGES = {  # part: (min, max, signed allowed, zero allowed)
    "BYSECOND": (0, 60, False), "BYMINUTE": (0, 59, False),
    "BYHOUR": (0, 23, False), "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True), "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True), "BYSETPOS": (1, 366, True),
}


def rfc_violations(value):
    """Return a list of RFC 5545 3.3.10 violations of an RRULE value."""
    out = []
    parts = OrderedDict()
    for p in value.split(";"):
        if "=" not in p:
            return ["malformed part %r" % p]
        k, v = p.split("=", 1)
        k = k.upper()
        if k in parts:
            out.append("%s given twice" % k)
        parts[k] = v.upper()
    freq = parts.get("FREQ")
    if freq is None:
        out.append("FREQ missing")
    elif freq not in FREQS:
        out.append("unknown FREQ")
    if "COUNT" in parts and "UNTIL" in parts:
        out.append("COUNT and UNTIL together")
    for k in ("COUNT", "INTERVAL"):
        if k in parts and not (parts[k].isdigit() and int(parts[k]) >= 1):
            out.append("%s must be a positive integer" % k)
    if "WKST" in parts and parts["WKST"] not in DAYS:
        out.append("bad WKST")
    for k, (lo, hi, signed) in RANGES.items():
        if k not in parts:
            continue
        for item in parts[k].split(","):
            try:
                n = int(item)
            except ValueError:
                out.append("%s value %r not an integer" % (k, item))
                continue
            if (n < 0 and not signed) or not (lo <= abs(n) <= hi):
                out.append("%s=%s out of range" % (k, item))
    by = [k for k in parts if k.startswith("BY")]
    if "BYEASTER" in parts:
        out.append("BYEASTER is a dateutil extension")
    if "BYWEEKNO" in parts and freq != "YEARLY":
        out.append("BYWEEKNO only allowed with FREQ=YEARLY")
    if "BYYEARDAY" in parts and freq in ("DAILY", "WEEKLY", "MONTHLY"):
        out.append("BYYEARDAY not allowed with FREQ=%s" % freq)
    if "BYMONTHDAY" in parts and freq == "WEEKLY":
        out.append("BYMONTHDAY not allowed with FREQ=WEEKLY")
    if "BYSETPOS" in parts and len(by) < 2:
        out.append("BYSETPOS without another BYxxx part")
    if "BYDAY" in parts:
        for item in parts["BYDAY"].split(","):
            day, num = item[-2:], item[:-2]
            if day not in DAYS:
                out.append("bad BYDAY value %r" % item)
            elif num:
                try:
                    n = int(num)
                except ValueError:
                    out.append("bad BYDAY value %r" % item)
                    continue
                if not 1 <= abs(n) <= 53:
                    out.append("BYDAY ordinal out of range %r" % item)
                if freq not in ("MONTHLY", "YEARLY"):
                    out.append("numeric BYDAY (%s) with FREQ=%s" % (item, freq))
                elif freq == "YEARLY" and "BYWEEKNO" in parts:
                    out.append("numeric BYDAY (%s) with YEARLY+BYWEEKNO" % item)
    # de-duplicate, keep order
    return list(OrderedDict.fromkeys(out))


# ----------------------------------------------------------------------------
# Instrumentation
# ----------------------------------------------------------------------------
class Rec(object):
    def reset(self):
        self.rules = []        # rrule objects built during the test, in order
        self.sets = 0          # rruleset objects built
        self.equalities = []   # (first, second) of assertEqual calls
        self.roundtrip = 0     # _rrulestr_reverse_test calls


REC = Rec()
REC.reset()
OrigRRule, OrigRRuleSet, orig_rrulestr = R.rrule, R.rruleset, R.rrulestr
_orig_rrule_init, _orig_set_init = R.rrule.__init__, R.rruleset.__init__


_RRULE_SIG = inspect.signature(_orig_rrule_init)


def _rec_rrule_init(self, *args, **kwargs):
    _orig_rrule_init(self, *args, **kwargs)
    self._port_args = _RRULE_SIG.bind(self, *args, **kwargs).arguments
    REC.rules.append(self)


def _rec_set_init(self, *args, **kwargs):
    _orig_set_init(self, *args, **kwargs)
    REC.sets += 1


def load_test_module(path):
    sys.dont_write_bytecode = True  # keep the resources folder clean
    try:
        import freezegun  # noqa: F401
    except ImportError:
        stub = types.ModuleType("freezegun")
        stub.freeze_time = lambda *a, **k: (lambda f: f)
        sys.modules["freezegun"] = stub
    spec = importlib.util.spec_from_file_location("dateutil_test_rrule", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def patch(mod):
    """Record every rrule/rruleset built (also inside rrulestr/replace)."""
    OrigRRule.__init__, OrigRRuleSet.__init__ = _rec_rrule_init, _rec_set_init


def instrument(mod):
    cls = mod.RRuleTest
    orig_eq, orig_rt = cls.assertEqual, cls._rrulestr_reverse_test

    def assertEqual(self, first, second, msg=None):
        orig_eq(self, first, second, msg)
        if not getattr(REC, "in_rt", False):
            REC.equalities.append((first, second))

    def rt(self, rule):
        REC.roundtrip += 1
        REC.in_rt = True
        try:
            return orig_rt(self, rule)
        finally:
            REC.in_rt = False

    cls.assertEqual, cls._rrulestr_reverse_test = assertEqual, rt
    return cls


def restore():
    OrigRRule.__init__, OrigRRuleSet.__init__ = _orig_rrule_init, _orig_set_init


# ----------------------------------------------------------------------------
# Case construction
# ----------------------------------------------------------------------------
def iana_name(tzinfo):
    if tzinfo is None:
        return None
    if tzinfo is tz.UTC or isinstance(tzinfo, tz.tzutc) or tzinfo is timezone.utc:
        return "UTC"
    fn = getattr(tzinfo, "_filename", None)
    if isinstance(tzinfo, tz.tzfile) and fn:
        if "zoneinfo/" in fn:
            fn = fn.split("zoneinfo/", 1)[1]
        if fn and not os.path.isabs(fn) and tz.gettz(fn) is not None:
            return fn
    return None


def is_finite(rule):
    return rule._count is not None or rule._until is not None


def occurrences(rule, n=None):
    if n is None:
        return list(itertools.islice(rule, MAX_FINITE))
    return list(itertools.islice(rule, n))


def iso(d):
    return d.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%S")


def iso_utc(d, aware):
    if aware:
        d = d.astimezone(timezone.utc)
    return d.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_dt_list(x):
    return isinstance(x, list) and all(isinstance(d, datetime) for d in x)


def rule_value(rule, fixups):
    """RRULE value from str(rule), with UNTIL fixed to UTC for zoned rules."""
    lines = str(rule).split("\n")
    rr = [l for l in lines if l.startswith("RRULE:")]
    assert len(rr) == 1, lines
    parts = rr[0][len("RRULE:"):].split(";")
    if rule._until is not None and rule._until.tzinfo is not None:
        u = rule._until.astimezone(timezone.utc).strftime("UNTIL=%Y%m%dT%H%M%SZ")
        parts = [u if p.startswith("UNTIL=") else p for p in parts]
        fixups.append("UNTIL rewritten to UTC (str() drops the Z)")
    if rule._dtstart.tzinfo is not None:
        fixups.append("TZID added to DTSTART (str() drops it)")
    # Inputs that str() normalises (recorded, not changed).
    a = getattr(rule, "_port_args", {})
    wd = a.get("byweekday")
    wd = wd if isinstance(wd, (list, tuple)) else [wd]
    if rule._freq > R.MONTHLY and any(getattr(w, "n", None) for w in wd):
        fixups.append("test passed ordinal weekdays %s with a sub-monthly FREQ; dateutil "
                      "ignores the ordinals and str() emits plain BYDAY"
                      % ",".join(repr(w) for w in wd))
    if type(a.get("dtstart")) is date:
        fixups.append("test passed DTSTART as a DATE; dateutil uses midnight DATE-TIME")
    if isinstance(a.get("dtstart"), datetime) and a["dtstart"].microsecond:
        fixups.append("test DTSTART had microseconds; dateutil drops them")
    if type(a.get("until")) is date:
        fixups.append("test passed UNTIL as a DATE; emitted as midnight DATE-TIME like DTSTART")
    return ";".join(parts)


def reparse_ok(dtstart, tzid, aware, value, expected, finite):
    if aware:
        text = "DTSTART;TZID=%s:%s\nRRULE:%s" % (tzid, dtstart.strftime("%Y%m%dT%H%M%S"), value)
    else:
        text = "DTSTART:%s\nRRULE:%s" % (dtstart.strftime("%Y%m%dT%H%M%S"), value)
    try:
        rr = orig_rrulestr(text)
    except Exception as e:  # noqa: BLE001
        return "rrulestr raised %r" % e
    if not isinstance(rr, OrigRRule):
        return "rrulestr did not return a single rrule"
    got = occurrences(rr) if finite else occurrences(rr, len(expected))
    key = lambda ds: [(d.replace(tzinfo=None), d.utcoffset()) for d in ds]
    if key(got) != key(expected):
        return "occurrences differ"
    return None


def build_cases(mod, cls, names):
    cases, skipped, fixups_all, drops = [], defaultdict(list), [], []
    for name in names:
        REC.reset()
        inst = cls(name)
        patch(mod)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                getattr(inst, name)()
        except unittest.SkipTest:
            skipped["test skipped by unittest"].append(name)
            continue
        except BaseException as e:  # noqa: BLE001 (pytest.fail raises BaseException)
            if isinstance(e, KeyboardInterrupt):
                raise
            skipped["test errored under instrumentation"].append(name)
            print("ERROR %s: %r" % (name, e), file=sys.stderr)
            continue
        finally:
            restore()  # analysis below uses the plain dateutil classes
        if REC.sets:
            skipped["rruleset / RDATE / EXDATE / EXRULE"].append(name)
            continue
        if any(r._byeaster for r in REC.rules):
            skipped["BYEASTER (dateutil extension)"].append(name)
            continue
        if any(r._cache is not None for r in REC.rules):
            skipped["cache=True semantics"].append(name)
            continue
        lists = [(a, b) for a, b in REC.equalities if is_dt_list(a) and is_dt_list(b)]
        if not lists:
            if REC.roundtrip:
                skipped["str() round-trip test (no literal expectation)"].append(name)
            else:
                skipped["no occurrence list asserted (raises/getitem/count/contains/str/type)"].append(name)
            continue
        seen, test_cases, test_problem = set(), [], None
        for _, expected in lists:
            match, partial = None, False
            for rule in REC.rules:
                if is_finite(rule):
                    occ = occurrences(rule)
                    if occ == expected:
                        match = rule
                        break
                    if expected and occ[:len(expected)] == expected:
                        partial = True
                elif expected and occurrences(rule, len(expected)) == expected:
                    match = rule
                    break
            if match is None:
                test_problem = ("partial view of a finite rule" if partial
                                else "non-prefix view (slice/between/xafter)")
                continue
            fixups = []
            aware = match._dtstart.tzinfo is not None
            tzid = iana_name(match._dtstart.tzinfo) if aware else "UTC"
            if tzid is None:
                test_problem = "tzinfo not nameable as IANA zone"
                continue
            value = rule_value(match, fixups)
            finite = is_finite(match)
            err = reparse_ok(match._dtstart, tzid, aware, value, expected, finite)
            if err:
                drops.append("%s: %s" % (name, err))
                test_problem = "RRULE string does not reparse to expected"
                continue
            key = (value, iso(match._dtstart), tzid, tuple(map(iso, expected)))
            if key in seen:
                continue
            seen.add(key)
            fixups_all.extend("%s: %s" % (name, f) for f in fixups)
            viol = rfc_violations(value)
            dtstart = iso(match._dtstart)
            exp = [iso(d) for d in expected]
            notes = []
            notes.append("floating (naive) date-times; tzid UTC is nominal"
                         if not aware else "zoned DTSTART")
            if not finite:
                notes.append("infinite rule; expected = first %d occurrences asserted by the test" % len(exp))
            if not exp:
                notes.append("no occurrences" + (
                    "" if match._until is not None else
                    "; rule never matches, dateutil gives up at year 9999 (datetime.MAXYEAR)"))
            if viol:
                notes.append("dateutil accepts, RFC 5545 3.3.10 does not: " + "; ".join(viol))
            notes.extend(fixups)
            case = OrderedDict()
            case["id"] = "dateutil-" + name
            case["dtstart"] = dtstart
            case["tzid"] = tzid
            case["rrule"] = value
            if match._wkst:
                case["wkst"] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[match._wkst]
            case["expected"] = exp
            case["expected_utc"] = [iso_utc(d, aware) for d in expected]
            case["finite"] = finite
            case["start_on_pattern"] = bool(exp) and exp[0] == dtstart
            case["rfc5545_valid"] = not viol
            case["source"] = "%s %s" % (SOURCE, name)
            case["notes"] = "; ".join(notes)
            test_cases.append(case)
        if not test_cases:
            skipped[test_problem].append(name)
            continue
        if test_problem:
            print("NOTE %s: some assertions not ported (%s)" % (name, test_problem),
                  file=sys.stderr)
        for i, c in enumerate(test_cases):
            if i:
                c["id"] += "-%d" % (i + 1)
            cases.append(c)
    cases.sort(key=lambda c: c["id"])
    return cases, skipped, fixups_all, drops


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--test-file", default=DEFAULT_TEST_FILE)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the skipped test names")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if output would differ")
    args = ap.parse_args()
    if not dateutil.__version__.startswith("2.9.0"):
        print("warning: dateutil %s, data was made with 2.9.0" % dateutil.__version__,
              file=sys.stderr)
    mod = load_test_module(args.test_file)
    cls = instrument(mod)
    names = unittest.TestLoader().getTestCaseNames(cls)
    try:
        cases, skipped, fixups, drops = build_cases(mod, cls, names)
    finally:
        restore()
    text = json.dumps(cases, indent=1, ensure_ascii=False) + "\n"
    print("tests in RRuleTest: %d; cases emitted: %d (from %d tests)"
          % (len(names), len(cases), len({c["source"] for c in cases})), file=sys.stderr)
    for k, v in sorted(skipped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print("  skipped %3d  %s" % (len(v), k), file=sys.stderr)
        if args.verbose:
            print("      " + " ".join(v), file=sys.stderr)
    print("start_on_pattern true/false: %d/%d; finite/infinite: %d/%d; rfc5545_valid false: %d"
          % (sum(c["start_on_pattern"] for c in cases),
             sum(not c["start_on_pattern"] for c in cases),
             sum(c["finite"] for c in cases), sum(not c["finite"] for c in cases),
             sum(not c["rfc5545_valid"] for c in cases)), file=sys.stderr)
    for f in fixups:
        print("  str()/input note: " + f, file=sys.stderr)
    for d in drops:
        print("  dropped (reparse): " + d, file=sys.stderr)
    out = os.path.normpath(args.out)
    if args.check:
        try:
            with open(out, encoding="utf-8") as fh:
                same = fh.read() == text
        except FileNotFoundError:
            same = False
        print("up to date" if same else "DIFFERS: " + out, file=sys.stderr)
        sys.exit(0 if same else 1)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print("wrote " + out, file=sys.stderr)


if __name__ == "__main__":
    main()
