package dev.ser.web.error;

import dev.ser.storage.StorageUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database or blob store is down: 503 with {@code Retry-After}, so clients back off and retry;
 * the next request tries again, nothing needs restarting.
 */
@Provider
public class StorageUnavailableExceptionMapper
    implements ExceptionMapper<StorageUnavailableException> {
  private static final Logger LOG =
      Logger.getLogger(StorageUnavailableExceptionMapper.class.getName());

  @Override
  public Response toResponse(StorageUnavailableException e) {
    LOG.log(Level.WARNING, "storage unavailable: " + e.getMessage(), e);
    return Problem.unavailable(e.code()).response();
  }
}
