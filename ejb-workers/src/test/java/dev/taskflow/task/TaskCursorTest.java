package dev.taskflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskCursorTest {

  private static final TaskQuery BY_PRIORITY =
      new TaskQuery(TaskStatus.OPEN, List.of("home"), null, Set.of(), null, null, TaskSort.PRIORITY_DESCENDING, 10, null);
  private static final Instant T = Instant.parse("2030-01-05T08:00:00.123456Z");

  @Test
  void aCursorComesBackAsItWasForTheSameListing() {
    TaskCursor cursor = new TaskCursor(TaskCursor.digest(BY_PRIORITY.shape()), T, 2, T, T.plusSeconds(1), 42);

    String text = cursor.encode();

    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(TaskCursor.decode(text, BY_PRIORITY)).contains(cursor);
    TaskCursor undated = new TaskCursor(cursor.shape(), null, 0, T, T, 7);
    assertThat(TaskCursor.decode(undated.encode(), BY_PRIORITY)).contains(undated);
  }

  @Test
  void aCursorOfAnotherListingOrMadeUpIsRefused() {
    String text = new TaskCursor(TaskCursor.digest(BY_PRIORITY.shape()), T, 2, T, T, 42).encode();
    TaskQuery otherTags =
        new TaskQuery(TaskStatus.OPEN, List.of("work"), null, Set.of(), null, null, TaskSort.PRIORITY_DESCENDING, 10, null);
    TaskQuery otherSort = TaskQuery.of(TaskStatus.OPEN, 10);

    assertThat(TaskCursor.decode(text, otherTags)).isEmpty();
    assertThat(TaskCursor.decode(text, otherSort)).isEmpty();
    assertThat(TaskCursor.decode(text, BY_PRIORITY.after(null))).as("the limit is not part of the shape").isPresent();
    for (String made : new String[] {"", "abc", "~~~~", "dDF8eHx8", "x".repeat(400)}) {
      assertThat(TaskCursor.decode(made, BY_PRIORITY)).as(made).isEmpty();
    }
  }

  @Test
  void tagsInAnyOrderAreTheSameListing() {
    TaskQuery ab = new TaskQuery(TaskStatus.OPEN, List.of("a", "b"), null, Set.of(), null, null, TaskSort.DUE, 10, null);
    TaskQuery ba = new TaskQuery(TaskStatus.OPEN, List.of("b", "a", "a"), null, Set.of(), null, null, TaskSort.DUE, 10, null);

    assertThat(ab.shape()).isEqualTo(ba.shape());
  }
}
