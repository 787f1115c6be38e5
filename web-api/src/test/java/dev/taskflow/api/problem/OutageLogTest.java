package dev.taskflow.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {

  private final AtomicLong now = new AtomicLong(0);
  private final List<String> lines = new ArrayList<>();
  private final Logger logger = Logger.getAnonymousLogger();

  OutageLogTest() {
    logger.setUseParentHandlers(false);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  private static RuntimeException outage() {
    return new RuntimeException("wrapper", new IllegalStateException("inner",
        new SQLException("Connection to 127.0.0.1:5432 refused.\nCheck that the hostname", "08001")));
  }

  @Test
  void logsTheFirstFailureAndSumsUpTheRestOncePerInterval() {
    OutageLog log = new OutageLog(logger, "Database unavailable", now::get);
    assertThat(log.record(outage())).isTrue();
    for (int i = 0; i < 500; i++) {
      now.addAndGet(10_000_000L); // 10 ms apart: 5 s
      assertThat(log.record(outage())).isFalse();
    }
    now.addAndGet(OutageLog.INTERVAL.toNanos());
    assertThat(log.record(outage())).isTrue();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("Database unavailable: SQLException: Connection to 127.0.0.1:5432 refused. Check"
        + " that the hostname");
    assertThat(lines.get(1)).startsWith("Database unavailable (and 500 more like it in the 10 s before");
  }
}
