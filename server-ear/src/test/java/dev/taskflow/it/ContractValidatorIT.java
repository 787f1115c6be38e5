package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Contract} against a small inline OpenAPI 3.1 document; needs no server. */
class ContractValidatorIT {

  private static final String DOCUMENT = """
      {
        "openapi": "3.1.0",
        "info": {"title": "Contract test", "version": "1"},
        "paths": {
          "/api/v1/tasks/{id}": {
            "get": {
              "responses": {
                "200": {
                  "description": "The task",
                  "headers": {
                    "ETag": {"required": true, "schema": {"type": "string"}}
                  },
                  "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Task"}}
                  }
                },
                "404": {"$ref": "#/components/responses/NotFound"}
              }
            },
            "delete": {
              "responses": {
                "204": {"description": "Deleted"},
                "4XX": {"$ref": "#/components/responses/NotFound"}
              }
            }
          },
          "/api/v1/tasks/search": {
            "get": {
              "responses": {
                "200": {
                  "description": "Matching tasks",
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["items"],
                        "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Task"}}}
                      }
                    }
                  }
                }
              }
            }
          },
          "/api/v1/stream": {
            "get": {
              "responses": {
                "200": {"description": "Live events", "content": {"text/event-stream": {}}}
              }
            }
          }
        },
        "components": {
          "responses": {
            "NotFound": {
              "description": "No such task",
              "content": {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
              }
            }
          },
          "schemas": {
            "Task": {
              "type": "object",
              "required": ["id", "title", "due", "createdAt"],
              "properties": {
                "id": {"type": "string", "readOnly": true},
                "title": {"type": "string", "minLength": 1},
                "due": {"type": ["string", "null"], "format": "date-time"},
                "createdAt": {"type": "string", "format": "date-time", "readOnly": true},
                "priority": {"$ref": "#/components/schemas/Priority"}
              }
            },
            "Priority": {"type": "string", "enum": ["LOW", "NORMAL", "HIGH"]},
            "Problem": {
              "type": "object",
              "required": ["status", "title"],
              "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}}
            }
          }
        }
      }
      """;

  private static final String TASK = """
      {"id": "42", "title": "Write the contract", "due": null, "createdAt": "2024-05-01T10:15:30Z", "priority": "HIGH"}
      """;

  private final Contract contract = Contract.load(DOCUMENT);

  @Test
  void conformingBodyHasNoViolations() {
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, "application/json", TASK)).isEmpty();
    assertThat(contract.violations("GET", "/api/v1/tasks/42?fields=all", 200, "application/json; charset=UTF-8",
        TASK.replace("\"due\": null", "\"due\": \"2024-06-01T09:00:00+02:00\""))).isEmpty();
  }

  @Test
  void wrongTypeNamesTheField() {
    List<String> violations = contract.violations(
        "GET", "/api/v1/tasks/42", 200, "application/json", TASK.replace("\"title\": \"Write the contract\"", "\"title\": 7"));

    assertThat(violations).singleElement().asString()
        .contains("GET /api/v1/tasks/42", "200", "$.title", "string");
  }

  @Test
  void refdSchemaIsValidated() {
    List<String> violations = contract.violations(
        "GET", "/api/v1/tasks/42", 200, "application/json", TASK.replace("HIGH", "URGENT"));

    assertThat(violations).singleElement().asString().contains("$.priority");
  }

  @Test
  void badDateTimeIsAViolation() {
    List<String> violations = contract.violations(
        "GET", "/api/v1/tasks/42", 200, "application/json", TASK.replace("\"due\": null", "\"due\": \"tomorrow\""));

    assertThat(violations).singleElement().asString().contains("$.due", "date-time");
  }

  @Test
  void missingRequiredPropertyIsAViolation() {
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, "application/json", "{\"id\": \"42\"}"))
        .anySatisfy(v -> assertThat(v).contains("title"));
  }

  @Test
  void bodyThatIsNotJsonIsAViolation() {
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, "application/json", "<html/>"))
        .singleElement().asString().contains("not JSON");
  }

  @Test
  void undocumentedStatusIsAViolation() {
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 418, "application/json", TASK))
        .containsExactly("GET /api/v1/tasks/42 -> 418: status 418 not documented for GET /api/v1/tasks/{id}");
  }

  @Test
  void problemResponseThroughComponentsRef() {
    String problem = "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404}";

    assertThat(contract.violations("GET", "/api/v1/tasks/43", 404, "application/problem+json", problem)).isEmpty();
    assertThat(contract.violations("GET", "/api/v1/tasks/43", 404, "application/problem+json", "{\"title\": \"x\"}"))
        .singleElement().asString().contains("status");
  }

  @Test
  void rangeKeyAndEmptyBody() {
    assertThat(contract.violations("DELETE", "/api/v1/tasks/42", 204, (String) null, "")).isEmpty();
    assertThat(contract.violations("DELETE", "/api/v1/tasks/42", 204, "application/json", "{}"))
        .singleElement().asString().contains("body must be empty");
    assertThat(contract.violations("DELETE", "/api/v1/tasks/42", 409, "application/problem+json",
        "{\"title\": \"Conflict\", \"status\": 409}")).isEmpty();
  }

  @Test
  void wrongContentTypeIsAViolation() {
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, "text/html", TASK))
        .singleElement().asString().contains("text/html", "not documented", "application/json");
    assertThat(contract.violations("GET", "/api/v1/tasks/43", 404, "application/json",
        "{\"title\": \"Not Found\", \"status\": 404}"))
        .singleElement().asString().contains("application/json", "not documented");
  }

  @Test
  void literalPathWinsOverTemplate() {
    String results = "{\"items\": [" + TASK + "]}";

    assertThat(contract.violations("GET", "/api/v1/tasks/search?q=contract", 200, "application/json", results))
        .isEmpty();
    // A Task body conforms to {id}'s schema: the violation shows the literal template was chosen.
    assertThat(contract.violations("GET", "/api/v1/tasks/search?q=contract", 200, "application/json", TASK))
        .singleElement().asString().contains("items");
  }

  @Test
  void pathsOutsideTheApiAreNotOurContract() {
    assertThat(contract.violations("GET", "/health/ready", 200, "application/json", "{\"status\":\"UP\"}")).isEmpty();
    assertThat(contract.violations("GET", "/metrics", 200, "text/plain", "# HELP")).isEmpty();
  }

  @Test
  void anUnknownApiPathMayOnlyAnswerAProblem() {
    assertThat(contract.violations("GET", "/api/v1/nope", 200, "application/json", "{}"))
        .singleElement().asString().contains("GET /api/v1/nope", "undocumented path");
    assertThat(contract.violations("GET", "/api/v1/nope", 404, "text/html", "<h1>Not Found</h1>"))
        .singleElement().asString().contains("undocumented path");
    assertThat(contract.violations("GET", "/api/v1/nope", 404, "application/problem+json",
        "{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404}")).isEmpty();
    assertThat(contract.violations("GET", "/api/v1/nope", 404, "application/problem+json", "{\"status\": \"404\"}"))
        .as("still a Problem").isNotEmpty();
  }

  @Test
  void undocumentedMethodMustBeA405Problem() {
    String problem = "{\"title\": \"Method Not Allowed\", \"status\": 405}";

    assertThat(contract.violations("PUT", "/api/v1/tasks/42", 405, "application/problem+json", problem)).isEmpty();
    assertThat(contract.violations("PUT", "/api/v1/tasks/42", 405, "text/html", "<html/>"))
        .singleElement().asString().contains("405");
    assertThat(contract.violations("PUT", "/api/v1/tasks/42", 200, "application/json", TASK))
        .singleElement().asString().contains("PUT not documented for /api/v1/tasks/{id}");
  }

  @Test
  void eventStreamIsNotSchemaValidated() {
    assertThat(contract.violations("GET", "/api/v1/stream", 200, "text/event-stream", "data: {}\n\n")).isEmpty();
  }

  @Test
  void requiredHeadersComeFromTheHeaderMap() {
    Map<String, List<String>> headers = Map.of("content-type", List.of("application/json"), "etag", List.of("\"1\""));

    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, headers, TASK)).isEmpty();
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200,
        Map.of("Content-Type", List.of("application/json")), TASK))
        .singleElement().asString().contains("required header ETag missing");
    assertThat(contract.violations("GET", "/api/v1/tasks/42", 200, Map.of("etag", List.of("\"1\"")), TASK))
        .singleElement().asString().contains("(none)", "not documented");
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    Contract shared = Contract.load(DOCUMENT);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 64; i++) {
        boolean bad = i % 2 == 1;
        results.add(pool.submit(() -> shared.violations("GET", "/api/v1/tasks/42", 200, "application/json",
            bad ? TASK.replace("HIGH", "URGENT") : TASK)));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).hasSize(i % 2);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
