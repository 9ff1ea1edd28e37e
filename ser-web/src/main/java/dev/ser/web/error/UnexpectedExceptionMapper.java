package dev.ser.web.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fault of ours: logged with an incident id, answered with that id and no stack trace. Bad input
 * never gets here; it is a {@link dev.ser.domain.SerException} or an audio exception.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "incident " + incident, e);
    return Problem.internal(incident).response();
  }
}
