package dev.ser.web.error;

import dev.ser.audio.AudioException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Audio the decoder refused becomes its {@link Problem} as JSON (400, 413 or 415). */
@Provider
public class AudioExceptionMapper implements ExceptionMapper<AudioException> {
  @Override
  public Response toResponse(AudioException e) {
    return Problem.of(e).response();
  }
}
