package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.devtools.DevJwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a hostile token does to the server's log (SECURITY.md, "Edges and logs"): nothing of it gets
 * there (Liberty's CWWKS5523E, which repeats the token, is hidden; our own line counts refusals),
 * a newline in a claim cannot forge a line, and the log stays one JSON object per line.
 */
class LogHygieneIT {

  @Test
  void aHugeTokenWithAForgedLineInItsIssuerLeavesNoTraceOfItselfInTheLog() throws Exception {
    String marker = "hygiene-" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", marker + "\n\uD83D\uDD14 REMINDER: Task 'FORGED' (ID: 70) is due in 1 minutes\n");
    claims.put("aud", DevJwt.AUDIENCE);
    claims.put("sub", "nobody");
    claims.put("iat", now);
    claims.put("exp", now + 600);
    claims.put("padding", "x".repeat(21_000)); // ~29 KB encoded: under Liberty's 32 KB header limit
    String token = DevJwt.sign(Api.signingKey(), claims);
    assertThat(token.length()).isBetween(28_000, 32_000);
    // Where the log stands before the refusals: earlier tests (the database outages) leave
    // Liberty's own long stack-trace lines in it, which say nothing about this token.
    long before = Files.size(Stack.messagesLog("taskflow"));

    for (int i = 0; i < 5; i++) {
      Api.Reply reply = Api.sendWithToken(token, "GET", "/api/v1/tasks", null, null);
      assertThat(reply.status()).isEqualTo(401);
    }
    // A log line written after the refusals: Liberty's log is written in order, so once this
    // reminder line is in the file, anything the refusals logged is there too.
    String user = Api.newUser("hygiene");
    String title = "after the hostile token " + marker.substring(8, 16);
    Api.createTask(user, "{\"title\": \"" + title + "\", \"dueDate\": \"" + Instant.now().plusSeconds(1800) + "\"}");
    org.awaitility.Awaitility.await("a reminder line after the refusals").atMost(java.time.Duration.ofSeconds(30))
        .until(() -> Stack.logMessages("taskflow").stream().anyMatch(m -> m.contains(title)));
    String log = Files.readString(Stack.messagesLog("taskflow"), StandardCharsets.UTF_8);
    assertThat(log).as("no part of the token in messages.log").doesNotContain(marker).doesNotContain("x".repeat(200));
    List<String> messages = Stack.logMessages("taskflow");
    assertThat(messages).noneMatch(m -> m.startsWith("\uD83D\uDD14 REMINDER: Task 'FORGED'"));
    assertThat(messages).anyMatch(m -> m.contains("bearer token") && m.contains("refused"));
    byte[] all = Files.readAllBytes(Stack.messagesLog("taskflow"));
    int from = all.length >= before ? (int) before : 0; // rolled over: the new file is all new
    String written = new String(all, from, all.length - from, StandardCharsets.UTF_8);
    assertThat(written).as("what the refusals wrote").contains(title);
    assertThat(written.split("\n"))
        .as("no line written since the refusals is long")
        .allSatisfy(line -> assertThat(line.length()).isLessThan(8_000));
  }
}
