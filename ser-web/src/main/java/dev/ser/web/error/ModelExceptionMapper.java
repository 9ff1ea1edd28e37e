package dev.ser.web.error;

import dev.ser.inference.ModelException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * No model loaded: the server cannot analyse until it is fixed; 503 with {@code Retry-After}, not
 * the caller's fault.
 */
@Provider
public class ModelExceptionMapper implements ExceptionMapper<ModelException> {
  @Override
  public Response toResponse(ModelException e) {
    return Problem.unavailable(e.code()).response();
  }
}
