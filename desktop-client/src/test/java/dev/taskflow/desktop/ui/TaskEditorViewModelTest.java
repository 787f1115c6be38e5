package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.recurrence.RecurrencePattern;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.testing.FakeTaskApi;
import dev.taskflow.desktop.testing.ManualScheduler;
import dev.taskflow.desktop.testing.SyncRunner;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskEditorViewModelTest {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final FakeTaskApi api = new FakeTaskApi(clock);
  final SyncRunner runner = new SyncRunner();
  final ManualScheduler scheduler = new ManualScheduler();
  final List<Task> saved = new ArrayList<>();

  TaskEditorViewModel newEditor() {
    return new TaskEditorViewModel(api, runner, scheduler, null, ZoneId.of("Europe/Berlin"), LocalDate.of(2026, 11, 27));
  }

  @Test
  void aTitleIsRequiredAndNothingIsSentWithoutIt() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("   ");

    editor.save(saved::add);

    assertThat(editor.errors()).containsEntry("title", "Title is required");
    assertThat(api.count("create")).isZero();
    assertThat(saved).isEmpty();
  }

  @Test
  void everyFieldIsCheckedLikeTheServerDoes() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("x".repeat(201));
    editor.categoryProperty().set("c".repeat(51));
    editor.tagsProperty().set("home, garden, home");
    editor.timeZoneProperty().set("Mars/Olympus");
    editor.remindBeforeProperty().set("50000");
    editor.recurrenceProperty().set(RecurrencePattern.Kind.DAILY);

    assertThat(editor.validate()).isNull();

    assertThat(editor.errors()).containsOnlyKeys("title", "category", "tags", "timeZone", "remindBeforeMinutes",
        "recurrenceRule");
    assertThat(editor.errors().get("tags")).isEqualTo("The tag \"home\" is listed twice");
    assertThat(editor.errors().get("recurrenceRule")).isEqualTo("A repeating task needs a due date");
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("\uD83C\uDF31".repeat(200)); // 200 characters, 400 UTF-16 units

    assertThat(editor.validate()).isNotNull();
    assertThat(editor.errors()).isEmpty();
  }

  @Test
  void anAllDayTaskIsDueFromTheStartOfItsDayAndIgnoresTheTime() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("Passport");
    editor.dueDateProperty().set(LocalDate.of(2030, 1, 5));
    editor.dueTimeProperty().set("not a time");
    editor.timeZoneProperty().set("Europe/Berlin");
    editor.allDayProperty().set(true);

    TaskDraft draft = editor.validate();

    assertThat(editor.errors()).isEmpty();
    assertThat(draft.allDay()).isTrue();
    assertThat(draft.dueDate()).isEqualTo(java.time.Instant.parse("2030-01-04T23:00:00Z"));
  }

  @Test
  void aValidFormBecomesTheDraftInTheChosenZone() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("  Weekly review  ");
    editor.priorityProperty().set(Priority.HIGH);
    editor.tagsProperty().set("work, , planning");
    editor.dueDateProperty().set(LocalDate.of(2026, 12, 4));
    editor.dueTimeProperty().set("16:30");
    editor.recurrenceProperty().set(RecurrencePattern.Kind.WEEKLY);
    editor.repeatFromProperty().set(RepeatFrom.COMPLETION);
    editor.remindBeforeProperty().set("15");

    TaskDraft draft = editor.validate();

    assertThat(editor.errors()).isEmpty();
    assertThat(draft.title()).isEqualTo("Weekly review");
    assertThat(draft.tags()).containsExactly("work", "planning");
    assertThat(draft.dueDate()).isEqualTo(Instant.parse("2026-12-04T15:30:00Z"));
    assertThat(draft.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(draft.recurrenceRule()).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
    assertThat(draft.repeatFrom()).isEqualTo(RepeatFrom.COMPLETION);
    assertThat(draft.remindBeforeMinutes()).isEqualTo(15);
  }

  @Test
  void theServersFieldErrorsLandOnTheirFields() {
    TaskEditorViewModel editor = newEditor();
    editor.titleProperty().set("ok");
    api.failNext(new ApiException(400, "Invalid task", "2 fields are invalid", List.of(
        new ApiException.FieldError("tags[2]", "must be at most 50 characters"),
        new ApiException.FieldError("recurrenceRule", "FREQ=SECONDLY is not supported"),
        new ApiException.FieldError("body", "something general"))));

    editor.save(saved::add);

    assertThat(editor.errors()).containsEntry("tags", "must be at most 50 characters")
        .containsEntry("recurrenceRule", "FREQ=SECONDLY is not supported");
    assertThat(editor.generalErrorProperty().get()).isEqualTo("something general");
    assertThat(saved).isEmpty();
    assertThat(editor.savingProperty().get()).isFalse();
  }

  @Test
  void savingAnExistingTaskUpdatesIt() {
    Task task = api.add(new TaskDraft("Old title", null, Priority.LOW, "Home", List.of("a"),
        Instant.parse("2026-11-30T08:00:00Z"), "Europe/Berlin", null, RepeatFrom.DUE, 30), false);
    TaskEditorViewModel editor = new TaskEditorViewModel(api, runner, scheduler, task, ZoneId.of("UTC"),
        LocalDate.of(2026, 11, 27));
    assertThat(editor.dueTimeProperty().get()).isEqualTo("09:00");
    assertThat(editor.dueDateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 30));

    editor.titleProperty().set("New title");
    editor.save(saved::add);

    assertThat(api.calls).contains("update " + task.id());
    assertThat(saved).extracting(Task::title).containsExactly("New title");
    assertThat(saved.get(0).dueDate()).isEqualTo(task.dueDate());
  }

  @Test
  void theBuilderPreviewsTheNextFiveDatesOnceTheRuleSettles() {
    api.previewAnswer = List.of(OffsetDateTime.parse("2026-12-25T09:00:00+01:00"),
        OffsetDateTime.parse("2027-01-29T09:00:00+01:00"));
    TaskEditorViewModel editor = newEditor();
    editor.dueDateProperty().set(LocalDate.of(2026, 11, 27));
    editor.recurrenceProperty().set(RecurrencePattern.Kind.MONTHLY_BY_WEEKDAY);
    editor.weekOfMonthProperty().set(RecurrencePattern.LAST);
    editor.weekdayProperty().set(DayOfWeek.FRIDAY);
    assertThat(api.count("preview")).isZero();

    scheduler.advance(TaskEditorViewModel.PREVIEW_DEBOUNCE);

    assertThat(api.calls).filteredOn(c -> c.startsWith("preview"))
        .containsExactly("preview FREQ=MONTHLY;BYDAY=-1FR 2026-11-27T09:00 Europe/Berlin 5");
    assertThat(editor.preview()).containsExactly("Fri 25 Dec 2026, 09:00 (UTC+01:00)",
        "Fri 29 Jan 2027, 09:00 (UTC+01:00)");
    assertThat(editor.previewMessageProperty().get()).isEqualTo("Next 2 (Monthly on the last Friday)");
  }

  @Test
  void anInvalidCustomRuleShowsTheServersReasonInThePreview() {
    TaskEditorViewModel editor = newEditor();
    editor.dueDateProperty().set(LocalDate.of(2026, 11, 27));
    editor.recurrenceProperty().set(RecurrencePattern.Kind.CUSTOM);
    editor.customRuleProperty().set("FREQ=SECONDLY");
    api.failNext(new ApiException(400, "Invalid recurrence rule", "FREQ=SECONDLY is not supported", List.of()));

    scheduler.advance(TaskEditorViewModel.PREVIEW_DEBOUNCE);

    assertThat(editor.previewMessageProperty().get()).isEqualTo("Invalid rule: FREQ=SECONDLY is not supported");
    assertThat(editor.preview()).isEmpty();
  }

  @Test
  void editingARecurringTaskShowsItsRuleInTheBuilder() {
    Task task = api.add(new TaskDraft("Pay the bills", null, Priority.MEDIUM, null, List.of(),
        Instant.parse("2026-11-27T17:00:00Z"), "UTC", "FREQ=MONTHLY;BYDAY=-1FR", RepeatFrom.DUE, 60), false);
    TaskEditorViewModel editor = new TaskEditorViewModel(api, runner, scheduler, task, ZoneId.of("UTC"),
        LocalDate.of(2026, 11, 27));

    assertThat(editor.recurrenceProperty().get()).isEqualTo(RecurrencePattern.Kind.MONTHLY_BY_WEEKDAY);
    assertThat(editor.weekOfMonthProperty().get()).isEqualTo(RecurrencePattern.LAST);
    assertThat(editor.weekdayProperty().get()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(editor.validate().recurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
  }
}
