package dev.ser.web.error;

import dev.ser.domain.SerException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A {@link SerException} anywhere under the API becomes its {@link Problem} as JSON. */
@Provider
public class SerExceptionMapper implements ExceptionMapper<SerException> {
  @Override
  public Response toResponse(SerException e) {
    return Problem.of(e).response();
  }
}
