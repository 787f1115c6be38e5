package dev.taskflow.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserLimitsTest {

  @Test
  void aBurstIsServedThenRefusedWithAWaitOfAtLeastASecond() {
    UserLimits limits = new UserLimits(new UserLimits.Settings(1, 5, 100));
    for (int i = 0; i < 5; i++) {
      assertThat(limits.tryStart("alice")).isInstanceOf(UserLimits.Admitted.class);
    }
    UserLimits.Decision sixth = limits.tryStart("alice");
    assertThat(sixth).isInstanceOfSatisfying(UserLimits.Refused.class, refused -> {
      assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
      assertThat(refused.reason()).contains("5 at once").contains("1 per second");
    });
  }

  @Test
  void oneUsersBurstDoesNotTouchAnothers() {
    UserLimits limits = new UserLimits(new UserLimits.Settings(1, 3, 100));
    for (int i = 0; i < 10; i++) {
      limits.tryStart("alice");
    }
    assertThat(limits.tryStart("alice")).isInstanceOf(UserLimits.Refused.class);
    assertThat(limits.tryStart("bob")).isInstanceOf(UserLimits.Admitted.class);
  }

  @Test
  void theRemainingCountGoesDown() {
    UserLimits limits = new UserLimits(new UserLimits.Settings(1, 10, 100));
    UserLimits.Admitted first = (UserLimits.Admitted) limits.tryStart("alice");
    UserLimits.Admitted second = (UserLimits.Admitted) limits.tryStart("alice");
    assertThat(first.remaining()).isEqualTo(9);
    assertThat(second.remaining()).isEqualTo(8);
    assertThat(second.secondsToFull()).isEqualTo(2);
  }

  @Test
  void requestsInFlightAreCappedAndFinishingFreesASlotOnce() {
    UserLimits limits = new UserLimits(new UserLimits.Settings(1_000, 1_000, 2));
    List<UserLimits.Admitted> running = new ArrayList<>();
    running.add((UserLimits.Admitted) limits.tryStart("alice"));
    running.add((UserLimits.Admitted) limits.tryStart("alice"));
    assertThat(limits.tryStart("alice")).isInstanceOfSatisfying(UserLimits.Refused.class,
        refused -> assertThat(refused.reason()).contains("2 requests in progress"));
    assertThat(limits.tryStart("bob")).as("another user").isInstanceOf(UserLimits.Admitted.class);

    running.get(0).finish().run();
    running.get(0).finish().run(); // twice: still one slot
    assertThat(limits.tryStart("alice")).isInstanceOf(UserLimits.Admitted.class);
    assertThat(limits.tryStart("alice")).isInstanceOf(UserLimits.Refused.class);
  }

  @Test
  void idleUsersWithFullBucketsAreForgotten() {
    long[] now = {0};
    TimeMeter clock = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return now[0];
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
    UserLimits limits = new UserLimits(new UserLimits.Settings(1, 5, 10), clock);
    limits.tryStart("busy"); // never finished: still in flight
    ((UserLimits.Admitted) limits.tryStart("done")).finish().run();
    limits.forgetIdleUsers();
    assertThat(limits.trackedUsers()).as("in flight, or below a full bucket").isEqualTo(2);

    now[0] = 1_000_000_000L; // a second later "done" has its token back
    limits.forgetIdleUsers();
    assertThat(limits.trackedUsers()).as("only the one in flight is kept").isEqualTo(1);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new UserLimits.Settings(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserLimits.Settings(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UserLimits.Settings(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
