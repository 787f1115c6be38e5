package dev.taskflow.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
  @Override
  public Response toResponse(ProblemException e) {
    Response.ResponseBuilder answer = e.problem().toResponseBuilder();
    e.headers().forEach(answer::header);
    return answer.build();
  }
}
