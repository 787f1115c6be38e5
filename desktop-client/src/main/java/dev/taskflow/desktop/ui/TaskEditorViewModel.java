package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.recurrence.RecurrencePattern;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskRules;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The new/edit task form: its fields, inline validation (the same rules as the server, checked
 * before sending; the server's field errors land on the same fields), the recurrence builder and
 * its preview of the next occurrences.
 */
public final class TaskEditorViewModel {

  public static final int PREVIEW_COUNT = 5;
  static final Duration PREVIEW_DEBOUNCE = Duration.ofMillis(300);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
  private static final DateTimeFormatter OCCURRENCE =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final TaskApi api;
  private final BackgroundRunner runner;
  private final UiScheduler scheduler;
  private final Task original;

  private final StringProperty title = new SimpleStringProperty("");
  private final StringProperty description = new SimpleStringProperty("");
  private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.MEDIUM);
  private final StringProperty category = new SimpleStringProperty("");
  private final StringProperty tags = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> dueDate = new SimpleObjectProperty<>();
  private final StringProperty dueTime = new SimpleStringProperty("09:00");
  /** Due on the date alone, not at a time of day (the time field is then ignored). */
  private final BooleanProperty allDay = new SimpleBooleanProperty();
  private final StringProperty timeZone = new SimpleStringProperty();
  private final StringProperty remindBefore = new SimpleStringProperty("60");
  private final ObjectProperty<RepeatFrom> repeatFrom = new SimpleObjectProperty<>(RepeatFrom.DUE);
  private final ObjectProperty<RecurrencePattern.Kind> recurrence =
      new SimpleObjectProperty<>(RecurrencePattern.Kind.NONE);
  private final IntegerProperty interval = new SimpleIntegerProperty(1);
  private final ObservableSet<DayOfWeek> weeklyDays = FXCollections.observableSet(EnumSet.noneOf(DayOfWeek.class));
  private final IntegerProperty monthDay = new SimpleIntegerProperty(1);
  private final ObjectProperty<Integer> weekOfMonth = new SimpleObjectProperty<>(1);
  private final ObjectProperty<DayOfWeek> weekday = new SimpleObjectProperty<>(DayOfWeek.MONDAY);
  private final StringProperty customRule = new SimpleStringProperty("");

  private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
  private final StringProperty generalError = new SimpleStringProperty("");
  private final BooleanProperty saving = new SimpleBooleanProperty();
  private final ObservableList<String> preview = FXCollections.observableArrayList();
  private final StringProperty previewMessage = new SimpleStringProperty("");
  private UiScheduler.Cancellable pendingPreview;
  private long previewGeneration;

  public TaskEditorViewModel(TaskApi api, BackgroundRunner runner, UiScheduler scheduler, Task original,
      ZoneId defaultZone, LocalDate defaultDate) {
    this.api = api;
    this.runner = runner;
    this.scheduler = scheduler;
    this.original = original;
    if (original == null) {
      timeZone.set(defaultZone.getId());
      fillRecurrenceDefaults(RecurrencePattern.defaults(RecurrencePattern.Kind.NONE, defaultDate));
    } else {
      load(original);
    }
    Observable[] previewInputs = {recurrence, interval, weeklyDays, monthDay, weekOfMonth, weekday, customRule,
        dueDate, dueTime, timeZone, allDay};
    for (Observable input : previewInputs) {
      input.addListener(o -> previewSoon());
    }
    recurrence.addListener((o, before, after) -> {
      if (before == RecurrencePattern.Kind.NONE && after != RecurrencePattern.Kind.NONE) {
        fillRecurrenceDefaults(RecurrencePattern.defaults(after, dueDate.get()));
      }
    });
    if (original != null && original.isRecurring()) {
      previewSoon();
    }
  }

  private void load(Task task) {
    title.set(task.title());
    description.set(task.description() == null ? "" : task.description());
    priority.set(task.priority());
    category.set(task.category() == null ? "" : task.category());
    tags.set(String.join(", ", task.tags()));
    timeZone.set(task.timeZone());
    remindBefore.set(Integer.toString(task.remindBeforeMinutes()));
    repeatFrom.set(task.repeatFrom());
    LocalDate date = null;
    allDay.set(task.allDay());
    if (task.allDay()) {
      date = task.dueDay();
      dueDate.set(date);
    } else if (task.dueDate() != null) {
      ZonedDateTime due = task.dueDate().atZone(zoneOr(task.timeZone()));
      date = due.toLocalDate();
      dueDate.set(date);
      dueTime.set(due.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")));
    }
    RecurrencePattern pattern = RecurrencePattern.parse(task.recurrenceRule(), date);
    fillRecurrenceDefaults(pattern);
    recurrence.set(pattern.kind());
  }

  private void fillRecurrenceDefaults(RecurrencePattern pattern) {
    interval.set(pattern.interval());
    weeklyDays.clear();
    weeklyDays.addAll(pattern.days());
    monthDay.set(pattern.monthDay());
    weekOfMonth.set(pattern.weekOfMonth());
    weekday.set(pattern.weekday());
    customRule.set(pattern.custom());
  }

  private static ZoneId zoneOr(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  public boolean isNew() {
    return original == null;
  }

  public RecurrencePattern pattern() {
    return new RecurrencePattern(recurrence.get(), interval.get(), weeklyDays, monthDay.get(), weekOfMonth.get(),
        weekday.get(), customRule.get());
  }

  /** Checks every field, showing each problem on its field. Answers the draft, or null. */
  public TaskDraft validate() {
    Map<String, String> found = new LinkedHashMap<>();
    String cleanTitle = title.get().strip();
    if (cleanTitle.isEmpty()) {
      found.put("title", "Title is required");
    } else if (TaskRules.length(cleanTitle) > TaskRules.MAX_TITLE) {
      found.put("title", "Title must be at most " + TaskRules.MAX_TITLE + " characters (now "
          + TaskRules.length(cleanTitle) + ")");
    }
    if (TaskRules.length(description.get()) > TaskRules.MAX_DESCRIPTION) {
      found.put("description", "Description must be at most 10,000 characters");
    }
    String cleanCategory = category.get().strip();
    if (TaskRules.length(cleanCategory) > TaskRules.MAX_CATEGORY) {
      found.put("category", "Category must be at most " + TaskRules.MAX_CATEGORY + " characters");
    }
    List<String> tagList = parseTags(found);
    ZoneId zone = null;
    try {
      zone = ZoneId.of(timeZone.get() == null ? "" : timeZone.get().strip());
    } catch (DateTimeException e) {
      found.put("timeZone", "Unknown time zone: use an IANA id such as Europe/Berlin");
    }
    LocalTime time = parseTime(found);
    Integer lead = parseLead(found);
    String rule = pattern().toRule();
    if (recurrence.get() != RecurrencePattern.Kind.NONE) {
      if (rule == null) {
        found.put("recurrenceRule", "Enter an RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE");
      } else if (dueDate.get() == null) {
        found.put("recurrenceRule", "A repeating task needs a due date");
      }
    }
    errors.clear();
    errors.putAll(found);
    generalError.set("");
    if (!found.isEmpty()) {
      return null;
    }
    boolean wholeDay = allDay.get() && dueDate.get() != null;
    var due = dueDate.get() == null ? null
        : wholeDay ? dueDate.get().atStartOfDay(zone).toInstant()
        : LocalDateTime.of(dueDate.get(), time).atZone(zone).toInstant();
    return new TaskDraft(cleanTitle, description.get().isBlank() ? null : description.get(), priority.get(),
        cleanCategory.isEmpty() ? null : cleanCategory, tagList, due, zone.getId(), rule, repeatFrom.get(), lead,
        wholeDay);
  }

  private List<String> parseTags(Map<String, String> found) {
    Set<String> unique = new LinkedHashSet<>();
    for (String raw : tags.get().split(",")) {
      String tag = raw.strip();
      if (tag.isEmpty()) {
        continue;
      }
      if (TaskRules.length(tag) > TaskRules.MAX_TAG) {
        found.put("tags", "Each tag must be at most " + TaskRules.MAX_TAG + " characters: \""
            + tag.substring(0, tag.offsetByCodePoints(0, 20)) + "…\"");
      } else if (!unique.add(tag)) {
        found.put("tags", "The tag \"" + tag + "\" is listed twice");
      }
    }
    if (unique.size() > TaskRules.MAX_TAGS) {
      found.put("tags", "At most 20 tags (now " + unique.size() + ")");
    }
    return new ArrayList<>(unique);
  }

  private LocalTime parseTime(Map<String, String> found) {
    if (allDay.get()) {
      return LocalTime.MIDNIGHT; // an all-day series starts at the start of its day
    }
    String text = dueTime.get() == null ? "" : dueTime.get().strip();
    if (dueDate.get() == null) {
      if (!text.isEmpty() && !text.equals("09:00")) {
        found.put("dueDate", "Pick a date for this time");
      }
      return LocalTime.of(9, 0);
    }
    if (text.isEmpty()) {
      return LocalTime.of(9, 0);
    }
    try {
      return LocalTime.parse(text, TIME);
    } catch (DateTimeParseException e) {
      found.put("dueDate", "Time must be HH:mm, e.g. 09:30");
      return LocalTime.of(9, 0);
    }
  }

  private Integer parseLead(Map<String, String> found) {
    try {
      int minutes = Integer.parseInt(remindBefore.get().strip());
      if (minutes >= 0 && minutes <= TaskRules.MAX_REMIND_MINUTES) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    found.put("remindBeforeMinutes", "Minutes before the due date, from 0 to 43200 (30 days)");
    return 60;
  }

  /** Validates, then creates or updates; {@code onSaved} gets the task as the server stored it. */
  public void save(Consumer<Task> onSaved) {
    TaskDraft draft = validate();
    if (draft == null || saving.get()) {
      return;
    }
    saving.set(true);
    runner.run(() -> original == null ? api.create(draft) : api.update(original.id(), draft), task -> {
      saving.set(false);
      onSaved.accept(task);
    }, error -> {
      saving.set(false);
      showServerError(error);
    });
  }

  private void showServerError(Throwable error) {
    if (error instanceof ApiException problem && !problem.fieldErrors().isEmpty()) {
      errors.clear();
      List<String> unplaced = new ArrayList<>();
      for (ApiException.FieldError fieldError : problem.fieldErrors()) {
        String field = fieldError.field().replaceFirst("\\[.*$", "");
        if (FIELDS.contains(field)) {
          errors.merge(field, fieldError.message(), (a, b) -> a + "; " + b);
        } else {
          unplaced.add(fieldError.message());
        }
      }
      generalError.set(unplaced.isEmpty() ? problem.title() : String.join("; ", unplaced));
    } else if (error instanceof ApiException problem && problem.isConnectionProblem()) {
      generalError.set("Not saved: " + problem.getMessage() + ". Try again when the server is back.");
    } else if (error instanceof ApiException problem && problem.isNotFound()) {
      generalError.set("This task no longer exists (deleted elsewhere)");
    } else {
      generalError.set("Not saved: " + error.getMessage());
    }
  }

  private static final Set<String> FIELDS = Set.of("title", "description", "priority", "category", "tags", "dueDate",
      "timeZone", "recurrenceRule", "repeatFrom", "remindBeforeMinutes");

  private void previewSoon() {
    if (pendingPreview != null) {
      pendingPreview.cancel();
    }
    ++previewGeneration;
    pendingPreview = scheduler.schedule(PREVIEW_DEBOUNCE, this::previewNow);
  }

  private void previewNow() {
    String rule = pattern().toRule();
    preview.clear();
    if (rule == null) {
      previewMessage.set(recurrence.get() == RecurrencePattern.Kind.NONE ? "" : "Enter a rule to see its dates");
      return;
    }
    if (dueDate.get() == null) {
      previewMessage.set("Pick a due date to see the next occurrences");
      return;
    }
    Map<String, String> found = new LinkedHashMap<>();
    LocalTime time = parseTime(found);
    if (!found.isEmpty()) {
      previewMessage.set(found.values().iterator().next());
      return;
    }
    String zone = timeZone.get() == null ? "UTC" : timeZone.get().strip();
    LocalDateTime start = LocalDateTime.of(dueDate.get(), time);
    long generation = ++previewGeneration;
    previewMessage.set("Computing the next dates…");
    runner.run(() -> api.previewRecurrence(rule, start, zone, PREVIEW_COUNT), occurrences -> {
      if (generation != previewGeneration) {
        return;
      }
      boolean days = allDay.get();
      preview.setAll(occurrences.stream()
          .map(o -> days ? o.toLocalDate().format(DAY) + " (all day)" : format(o)).toList());
      previewMessage.set(occurrences.isEmpty() ? "This rule has no dates from the due date on"
          : "Next " + occurrences.size() + " (" + pattern().describe() + ")");
    }, error -> {
      if (generation == previewGeneration) {
        previewMessage.set(error instanceof ApiException problem && problem.status() == 400
            ? "Invalid rule: " + problem.getMessage() : "No preview: " + error.getMessage());
      }
    });
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

  private static String format(OffsetDateTime occurrence) {
    return occurrence.format(OCCURRENCE) + " (UTC" + (occurrence.getOffset().getTotalSeconds() == 0 ? ""
        : occurrence.getOffset().getId()) + ")";
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public ObjectProperty<Priority> priorityProperty() {
    return priority;
  }

  public StringProperty categoryProperty() {
    return category;
  }

  public StringProperty tagsProperty() {
    return tags;
  }

  public ObjectProperty<LocalDate> dueDateProperty() {
    return dueDate;
  }

  public StringProperty dueTimeProperty() {
    return dueTime;
  }

  public BooleanProperty allDayProperty() {
    return allDay;
  }

  public StringProperty timeZoneProperty() {
    return timeZone;
  }

  public StringProperty remindBeforeProperty() {
    return remindBefore;
  }

  public ObjectProperty<RepeatFrom> repeatFromProperty() {
    return repeatFrom;
  }

  public ObjectProperty<RecurrencePattern.Kind> recurrenceProperty() {
    return recurrence;
  }

  public IntegerProperty intervalProperty() {
    return interval;
  }

  public ObservableSet<DayOfWeek> weeklyDays() {
    return weeklyDays;
  }

  public IntegerProperty monthDayProperty() {
    return monthDay;
  }

  public ObjectProperty<Integer> weekOfMonthProperty() {
    return weekOfMonth;
  }

  public ObjectProperty<DayOfWeek> weekdayProperty() {
    return weekday;
  }

  public StringProperty customRuleProperty() {
    return customRule;
  }

  public ObservableMap<String, String> errors() {
    return errors;
  }

  public StringProperty generalErrorProperty() {
    return generalError;
  }

  public BooleanProperty savingProperty() {
    return saving;
  }

  public ObservableList<String> preview() {
    return preview;
  }

  public StringProperty previewMessageProperty() {
    return previewMessage;
  }
}
