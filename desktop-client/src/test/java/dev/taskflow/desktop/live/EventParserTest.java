package dev.taskflow.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventParserTest {

  final EventParser parser = new EventParser("alice");

  static String event(String type, String user, String extra) {
    return """
        {"specversion":"1.0","id":"ev-1","source":"/taskflow/tasks","type":"%s","subject":"7",
         "time":"2026-11-27T10:00:00Z","datacontenttype":"application/json","futureField":{"x":1},
         "data":{"userId":"%s",%s"task":{"id":7,"title":"Dentist","priority":"high","tags":["health"],
           "dueDate":"2026-11-27T10:30:00Z","timeZone":"Europe/Berlin","repeatFrom":"due",
           "remindBeforeMinutes":60,"completed":false,"reminderSent":true,"seriesId":null,
           "createdAt":"2026-11-27T09:00:00Z","updatedAt":"2026-11-27T10:00:00Z","unknown":true}}}
        """.formatted(type, user, extra);
  }

  @Test
  void readsTheUsersReminder() {
    Reminder reminder = parser.reminder(event("taskflow.reminder.sent", "alice", "\"minutesUntilDue\":30,"))
        .orElseThrow();
    assertThat(reminder.eventId()).isEqualTo("ev-1");
    assertThat(reminder.minutesUntilDue()).isEqualTo(30);
    assertThat(reminder.task().title()).isEqualTo("Dentist");
    assertThat(reminder.task().tags()).containsExactly("health");
    assertThat(reminder.headline()).isEqualTo("Due in 30 minutes");
  }

  @Test
  void neverShowsAnotherUsersReminder() {
    assertThat(parser.reminder(event("taskflow.reminder.sent", "bob", "\"minutesUntilDue\":30,"))).isEmpty();
    assertThat(parser.taskChange(event("taskflow.task.created", "bob", ""))).isEmpty();
    assertThat(parser.reminder(event("taskflow.reminder.sent", "alicex", "\"minutesUntilDue\":30,"))).isEmpty();
  }

  @Test
  void readsTaskChangesOfEveryKind() {
    assertThat(parser.taskChange(event("taskflow.task.created", "alice", "")).orElseThrow().kind())
        .isEqualTo(TaskChange.Kind.CREATED);
    assertThat(parser.taskChange(event("taskflow.task.updated", "alice", "")).orElseThrow().kind())
        .isEqualTo(TaskChange.Kind.UPDATED);
    assertThat(parser.taskChange(event("taskflow.task.completed", "alice", "")).orElseThrow().kind())
        .isEqualTo(TaskChange.Kind.COMPLETED);
    assertThat(parser.taskChange(event("taskflow.task.deleted", "alice", "")).orElseThrow().kind())
        .isEqualTo(TaskChange.Kind.DELETED);
    assertThat(parser.taskChange(event("taskflow.task.archived", "alice", ""))).isEmpty();
  }

  @Test
  void skipsWhatItCannotRead() {
    assertThat(parser.reminder("not json")).isEmpty();
    assertThat(parser.reminder(null)).isEmpty();
    assertThat(parser.reminder("[1,2]")).isEmpty();
    assertThat(parser.reminder("{\"type\":\"taskflow.reminder.sent\",\"id\":\"x\",\"data\":{\"userId\":\"alice\","
        + "\"task\":{\"title\":\"no id\"}}}")).isEmpty();
  }
}
