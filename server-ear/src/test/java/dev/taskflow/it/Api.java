package dev.taskflow.it;

import dev.taskflow.devtools.DevJwt;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A small HTTP client for the deployed API, with dev tokens signed by the test key. */
final class Api {

  static final String BASE_URL = System.getProperty("taskflow.baseUrl", "http://localhost:19080");
  static final String TASKS = "/api/v1/tasks";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private Api() {}

  /** A user name no other test uses, so tests never see each other's tasks. */
  static String newUser(String name) {
    return name + "-" + UUID.randomUUID();
  }

  static PrivateKey signingKey() {
    try {
      return DevJwt.readPrivateKey(Path.of(System.getProperty("taskflow.jwt.privateKey")));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the test signing key (run through ./taskflow test)", e);
    }
  }

  static String token(String user) {
    return TOKENS.computeIfAbsent(
        user,
        u -> {
          try {
            return DevJwt.token(signingKey(), u, Duration.ofHours(1));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static Reply get(String user, String path) {
    return send(user, "GET", path, null, null);
  }

  static Reply post(String user, String path, String json) {
    return send(user, "POST", path, "application/json", json);
  }

  static Reply patch(String user, String path, String json) {
    return send(user, "PATCH", path, "application/merge-patch+json", json);
  }

  static Reply delete(String user, String path) {
    return send(user, "DELETE", path, null, null);
  }

  /** Creates a task for {@code user} and answers its JSON; fails the test unless it is 201. */
  static JsonObject createTask(String user, String json) {
    Reply reply = post(user, TASKS, json);
    if (reply.status() != 201) {
      throw new AssertionError("create failed: " + reply);
    }
    return reply.json();
  }

  /** {@code user == null} sends no Authorization header. */
  static Reply send(String user, String method, String path, String contentType, String body) {
    return sendWithToken(user == null ? null : token(user), method, path, contentType, body);
  }

  static Reply sendWithToken(String token, String method, String path, String contentType, String body) {
    return sendTo(BASE_URL, token, method, path, contentType, body);
  }

  /** The same request to another server (a second replica). */
  static Reply sendTo(String baseUrl, String token, String method, String path, String contentType, String body) {
    return sendTo(baseUrl, token, method, path, contentType, body, Map.of());
  }

  /** A POST of JSON with extra request headers. */
  static Reply postWithHeaders(String user, String path, String json, Map<String, String> headers) {
    return sendTo(BASE_URL, token(user), "POST", path, "application/json", json, headers);
  }

  static Reply sendTo(String baseUrl, String token, String method, String path, String contentType, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
      List<String> violations = contract().violations(method, path, reply.status(), reply.headers(), reply.body());
      if (!violations.isEmpty()) {
        throw new AssertionError("the answer breaks the served OpenAPI document (/openapi):\n  "
            + String.join("\n  ", violations) + "\n  answer: " + abbreviated(reply.toString()));
      }
      return reply;
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /**
   * A request whose answer is NOT checked against the contract: only for what the application never
   * sees (Liberty's HTTP transport refuses an encoded NUL in the path with its own HTML page).
   */
  static Reply sendUnchecked(String user, String method, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token(user)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }

  private static volatile Contract contract;

  /**
   * The contract every answer is checked against: the document the server serves (the served
   * document is the truth, docs/API.md), fetched once.
   */
  static Contract contract() {
    Contract loaded = contract;
    if (loaded == null) {
      synchronized (Api.class) {
        if (contract == null) {
          HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/openapi"))
              .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
          try {
            HttpResponse<String> document = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
              throw new AssertionError("GET /openapi answered " + document.statusCode());
            }
            contract = Contract.load(document.body());
          } catch (java.io.IOException e) {
            throw new IllegalStateException("GET /openapi failed", e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET /openapi interrupted", e);
          }
        }
        loaded = contract;
      }
    }
    return loaded;
  }

  private static String abbreviated(String text) {
    return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
  }

  record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    JsonValue value() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readValue();
      }
    }

    JsonObject json() {
      return value().asJsonObject();
    }

    JsonArray items() {
      return json().getJsonArray("items");
    }

    /** The fields named in a problem+json answer's errors. */
    java.util.List<String> errorFields() {
      JsonArray errors = json().getJsonArray("errors");
      return errors == null
          ? java.util.List.of()
          : errors.stream().map(e -> e.asJsonObject().getString("field")).toList();
    }

    @Override
    public String toString() {
      return status + " " + contentType() + " " + body;
    }
  }
}
