package dev.taskflow.task;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A user's task. Timestamps are held in UTC; the generated columns (search vector, remind_at) are
 * PostgreSQL's business and not mapped.
 */
@Entity
@Table(name = "tasks")
public class Task {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private String userId;

  @Column(nullable = false)
  private String title;

  private String description;

  @Column(nullable = false)
  private String priority = Priority.MEDIUM.wireName();

  private String category;

  @Convert(converter = TagsConverter.class)
  @Column(nullable = false)
  private List<String> tags = List.of();

  @Column(name = "due_date")
  private OffsetDateTime dueDate;

  @Column(name = "all_day", nullable = false)
  private boolean allDay;

  @Column(name = "time_zone", nullable = false)
  private String timeZone = "UTC";

  @Column(name = "recurrence_rule")
  private String recurrenceRule;

  @Column(name = "repeat_from", nullable = false)
  private String repeatFrom = RepeatFrom.DUE.wireName();

  @Column(name = "remind_before_minutes", nullable = false)
  private int remindBeforeMinutes = 60;

  @Column(name = "reminder_sent", nullable = false)
  private boolean reminderSent;

  @Column(nullable = false)
  private boolean completed;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "series_id")
  private Long seriesId;

  @Column(name = "series_start")
  private OffsetDateTime seriesStart;

  @Column(name = "occurrence_index", nullable = false)
  private int occurrenceIndex = 1;

  @Column(name = "successor_id")
  private Long successorId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Task() {}

  /** A new task of {@code userId} holding the draft's values, created at {@code now}. */
  public static Task create(String userId, TaskDraft draft, Instant now) {
    Task task = new Task();
    task.userId = Objects.requireNonNull(userId);
    task.createdAt = utc(now);
    task.apply(draft, now);
    return task;
  }

  /**
   * The next occurrence of this completed recurring task: the same fields, the same series, due
   * at {@code due}, not completed and not yet reminded.
   */
  public Task successor(Instant due, Instant now) {
    // an all-day series repeats on days: the occurrence's day, from its start in the zone
    Instant next = allDay ? startOfDay(due, ZoneId.of(timeZone)) : due;
    TaskDraft draft =
        new TaskDraft(
            title, description, priority(), category, tags, next, timeZone, recurrenceRule, repeatFrom(), remindBeforeMinutes,
            false, allDay);
    Task task = create(userId, draft, now);
    task.seriesId = seriesId;
    task.seriesStart = seriesStart;
    task.occurrenceIndex = occurrenceIndex + 1;
    return task;
  }

  /** Records the successor; a task has at most one. */
  public void succeededBy(Task successor) {
    if (successorId != null) {
      throw new IllegalStateException("task " + id + " already has successor " + successorId);
    }
    successorId = successor.id;
  }

  /**
   * Takes the draft's values and answers whether anything changed. A changed due date or lead
   * time re-arms the reminder; completing stamps the completion time, reopening clears it.
   */
  public boolean apply(TaskDraft draft, Instant now) {
    if (createdAt != null && updatedAt != null && draft.equals(draft())) {
      return false;
    }
    Instant oldDue = dueDate();
    int oldLead = remindBeforeMinutes;
    boolean ruleChanged =
        !Objects.equals(recurrenceRule, draft.recurrenceRule()) || !Objects.equals(timeZone, draft.timeZone());
    boolean firstOfSeries = seriesId != null && seriesId.equals(id);
    title = draft.title();
    description = draft.description();
    priority = draft.priority().wireName();
    category = draft.category();
    tags = draft.tags();
    dueDate = utc(draft.dueDate());
    allDay = draft.allDay();
    timeZone = draft.timeZone();
    recurrenceRule = draft.recurrenceRule();
    repeatFrom = draft.repeatFrom().wireName();
    remindBeforeMinutes = draft.remindBeforeMinutes();
    boolean dueChanged = !Objects.equals(oldDue, dueDate());
    if (dueChanged || oldLead != remindBeforeMinutes) {
      reminderSent = false;
    }
    if (seriesId != null && (ruleChanged || firstOfSeries && dueChanged)) {
      // A new rule, zone or first due date starts the series afresh from this task.
      seriesStart = dueDate;
      occurrenceIndex = 1;
    }
    if (draft.completed() && completedAt == null) {
      completedAt = utc(now);
    } else if (!draft.completed()) {
      completedAt = null;
    }
    completed = draft.completed();
    updatedAt = utc(now);
    return true;
  }

  /**
   * A task that has a rule but no series starts its own: its id names the series and its due date
   * is the rule's DTSTART. Needs the id, so call it after the insert.
   */
  public void startSeriesIfRecurring() {
    if (recurrenceRule != null && seriesId == null) {
      seriesId = id;
      seriesStart = dueDate;
    }
  }

  /**
   * When this task's reminder becomes due, if it still has one to send: open, not reminded, and
   * not yet due.
   */
  public java.util.Optional<Instant> pendingReminder(Instant now) {
    Instant due = dueDate();
    if (completed || reminderSent || due == null) {
      return java.util.Optional.empty();
    }
    // a lead time of 0 reminds at the due time, within the minute after it
    Instant windowEnd = remindBeforeMinutes == 0 ? due.plus(java.time.Duration.ofMinutes(1)) : due;
    if (!windowEnd.isAfter(now)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(due.minus(java.time.Duration.ofMinutes(remindBeforeMinutes)));
  }

  /** Marks the task done; completing a completed task changes nothing. Returns whether it changed. */
  public boolean complete(Instant now) {
    if (completed) {
      return false;
    }
    completed = true;
    completedAt = utc(now);
    updatedAt = utc(now);
    return true;
  }

  /** The task's writable state, the starting point of a merge patch. */
  public TaskDraft draft() {
    return new TaskDraft(
        title,
        description,
        priority(),
        category,
        tags,
        dueDate(),
        timeZone,
        recurrenceRule,
        repeatFrom(),
        remindBeforeMinutes,
        completed,
        allDay);
  }

  /** The start of the day {@code instant} falls on in {@code zone}. */
  static Instant startOfDay(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    // PostgreSQL keeps microseconds: truncate so what we answer is what we stored.
    return instant == null
        ? null
        : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  public Long id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Priority priority() {
    return Priority.valueOf(priority.toUpperCase(java.util.Locale.ROOT));
  }

  public String category() {
    return category;
  }

  public List<String> tags() {
    return tags;
  }

  public Instant dueDate() {
    return instant(dueDate);
  }

  /** Due on a date ({@link #dueDate()} is the start of that day in {@link #timeZone()}). */
  public boolean allDay() {
    return allDay;
  }

  public String timeZone() {
    return timeZone;
  }

  public String recurrenceRule() {
    return recurrenceRule;
  }

  public RepeatFrom repeatFrom() {
    return RepeatFrom.valueOf(repeatFrom.toUpperCase(java.util.Locale.ROOT));
  }

  public int remindBeforeMinutes() {
    return remindBeforeMinutes;
  }

  public boolean reminderSent() {
    return reminderSent;
  }

  public boolean completed() {
    return completed;
  }

  public Instant completedAt() {
    return instant(completedAt);
  }

  public Long seriesId() {
    return seriesId;
  }

  public int occurrenceIndex() {
    return occurrenceIndex;
  }

  public Long successorId() {
    return successorId;
  }

  public Instant seriesStart() {
    return instant(seriesStart);
  }

  public Instant createdAt() {
    return instant(createdAt);
  }

  public Instant updatedAt() {
    return instant(updatedAt);
  }
}
