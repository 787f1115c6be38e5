package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Host header is the client's to choose: the server never builds a link from it. Sent over a
 * raw socket, since HTTP clients will not forge it.
 */
class HostHeaderIT {

  @Test
  void theLocationOfANewTaskIgnoresTheHostHeader() throws Exception {
    String user = Api.newUser("host");
    URI base = URI.create(Api.BASE_URL);
    String body = "{\"title\": \"where do I live\"}";
    String request = "POST /api/v1/tasks HTTP/1.1\r\n"
        + "Host: evil.example\r\n"
        + "Authorization: Bearer " + Api.token(user) + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
        + "Connection: close\r\n\r\n" + body;
    String response;
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      response = all.toString(StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 201");
    Matcher location = Pattern.compile("(?im)^Location:\\s*(\\S+)\\s*$").matcher(response);
    assertThat(location.find()).as(response).isTrue();
    assertThat(location.group(1)).doesNotContain("evil.example").matches("/api/v1/tasks/[0-9]+");
  }
}
