package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskflow.desktop.live.KafkaLiveEvents;
import dev.taskflow.desktop.live.LiveEvents;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.live.TaskChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The desktop client's Kafka consumer on the real broker, fed by the real server's outbox. */
class DesktopLiveEventsIT {

  static final class Recorder implements LiveEvents.Listener {
    final List<Reminder> reminders = new CopyOnWriteArrayList<>();
    final List<TaskChange> changes = new CopyOnWriteArrayList<>();
    volatile LiveStatus status;

    @Override
    public void onReminder(Reminder reminder) {
      reminders.add(reminder);
    }

    @Override
    public void onTaskChange(TaskChange change) {
      changes.add(change);
    }

    @Override
    public void onStatus(LiveStatus status) {
      this.status = status;
    }
  }

  final List<KafkaLiveEvents> feeds = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    feeds.forEach(KafkaLiveEvents::close);
  }

  Recorder listen(String user) {
    KafkaLiveEvents feed = new KafkaLiveEvents(KafkaClients.desktop(), user);
    feeds.add(feed);
    Recorder recorder = new Recorder();
    feed.start(recorder);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> recorder.status != null && recorder.status.state() == LiveStatus.State.LIVE);
    return recorder;
  }

  static long createDueIn(String user, String title, Duration in) {
    String due = Instant.now().plus(in).toString();
    return Api.createTask(user, "{\"title\":\"" + title + "\",\"dueDate\":\"" + due + "\"}")
        .getJsonNumber("id").longValue();
  }

  @Test
  void showsTheUsersOwnRemindersAndChangesAndNeverAnotherUsers() {
    String alice = Api.newUser("alice");
    String bob = Api.newUser("bob");
    Recorder aliceFeed = listen(alice);
    Recorder bobFeed = listen(bob);

    long bobsTask = createDueIn(bob, "Bob's secret", Duration.ofMinutes(30));
    long alicesTask = createDueIn(alice, "Alice's dentist", Duration.ofMinutes(30));

    await().atMost(Duration.ofSeconds(30)).until(() -> aliceFeed.reminders.size() == 1 && bobFeed.reminders.size() == 1);
    Reminder reminder = aliceFeed.reminders.get(0);
    assertThat(reminder.task().id()).isEqualTo(alicesTask);
    assertThat(reminder.minutesUntilDue()).isBetween(29, 30);
    assertThat(bobFeed.reminders.get(0).task().id()).isEqualTo(bobsTask);
    await().atMost(Duration.ofSeconds(10)).until(() -> aliceFeed.changes.stream()
        .anyMatch(c -> c.kind() == TaskChange.Kind.CREATED && c.task().id() == alicesTask));
    assertThat(aliceFeed.changes).extracting(c -> c.task().id()).doesNotContain(bobsTask);
    assertThat(aliceFeed.reminders).hasSize(1);
  }

  @Test
  void saysWhenTheBrokerIsGoneAndCatchesUpWhenItIsBack() {
    String user = Api.newUser("outage");
    Recorder feed = listen(user);
    long id;
    try {
      Stack.stopBroker();
      await().atMost(Duration.ofSeconds(30)).until(() -> feed.status.state() == LiveStatus.State.DOWN);
      assertThat(feed.status.message()).contains("unreachable");
      id = createDueIn(user, "Made while Kafka was away", Duration.ofMinutes(30));
    } finally {
      Stack.startBroker();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> feed.status.state() == LiveStatus.State.LIVE);
    await().atMost(Duration.ofSeconds(60)).until(() -> feed.reminders.stream().anyMatch(r -> r.task().id() == id));
  }

  @Test
  void withoutKafkaTheServersEventStreamDeliversTheUsersOwnChangesAndReminders() {
    String alice = Api.newUser("stream-alice");
    String bob = Api.newUser("stream-bob");
    dev.taskflow.desktop.live.ServerEventStream stream = new dev.taskflow.desktop.live.ServerEventStream(
        java.net.URI.create(Api.BASE_URL), Api.token(alice), alice);
    Recorder recorder = new Recorder();
    stream.start(recorder);
    try {
      await().atMost(Duration.ofSeconds(30))
          .until(() -> recorder.status != null && recorder.status.state() == LiveStatus.State.LIVE);
      long bobsTask = createDueIn(bob, "Bob's", Duration.ofMinutes(30));
      long alicesTask = createDueIn(alice, "Alice's", Duration.ofMinutes(30));
      await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.reminders.isEmpty());
      assertThat(recorder.reminders).extracting(r -> r.task().id()).containsExactly(alicesTask)
          .doesNotContain(bobsTask);
      assertThat(recorder.reminders.get(0).minutesUntilDue()).isBetween(29, 30);

      Api.post(alice, "/api/v1/tasks/" + alicesTask + "/complete", "");
      await().atMost(Duration.ofSeconds(20)).until(() -> recorder.changes.stream()
          .anyMatch(c -> c.kind() == TaskChange.Kind.COMPLETED));
      assertThat(recorder.changes).extracting(c -> c.task().id()).containsOnly(alicesTask);
      assertThat(recorder.changes).extracting(TaskChange::kind).startsWith(TaskChange.Kind.CREATED)
          .contains(TaskChange.Kind.COMPLETED);
    } finally {
      stream.close();
    }
  }

  @Test
  void eachClientHasItsOwnGroupAndRemovesItOnClose() throws Exception {
    String user = Api.newUser("groups");
    listen(user);
    KafkaLiveEvents feed = feeds.get(0);
    try (Admin admin = Admin.create(KafkaClients.operator())) {
      await().atMost(Duration.ofSeconds(10)).until(() -> groups(admin).contains(feed.groupId()));
      assertThat(feed.groupId()).as("no client learns a user id from group names").doesNotContain(user);
      feed.close();
      await().atMost(Duration.ofSeconds(10)).until(() -> !groups(admin).contains(feed.groupId()));
    }
  }

  private static List<String> groups(Admin admin) throws Exception {
    return admin.listGroups().all().get().stream().map(g -> g.groupId()).toList();
  }
}
