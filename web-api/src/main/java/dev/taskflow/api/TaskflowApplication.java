package dev.taskflow.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API, version 1. Identity comes from MicroProfile JWT bearer tokens. Its contract is
 * the hand-kept OpenAPI 3.1 document {@code META-INF/openapi.yaml}, served at {@code /openapi}
 * as it is (annotation scanning is off: microprofile-config.properties).
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
public class TaskflowApplication extends Application {}
