package dev.ser.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/**
 * JAX-RS's own refusals (unknown path, wrong method, a content type no resource consumes) in the
 * same JSON shape as every other API error, instead of the server's HTML page, with a message that
 * says what to do rather than the bare status line.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  private static final Map<Integer, String> ADVICE =
      Map.of(
          404, "There is no such API path; see /openapi for the endpoints.",
          405, "That method is not allowed on this path; see /openapi for the endpoints.",
          406, "Accept application/json; predictions and the history also come as text/csv.",
          415,
              "Send the audio as the multipart form field 'file', or as the raw body with an"
                  + " audio/* Content-Type (WAV, MP3, M4A/AAC, FLAC, Ogg/Opus or WebM/Opus).");

  @Override
  public Response toResponse(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
      return new Problem(status.getStatusCode(), "server_error", status.getReasonPhrase())
          .response();
    }
    String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
    String message = ADVICE.getOrDefault(status.getStatusCode(), e.getMessage());
    return new Problem(status.getStatusCode(), code, message).response();
  }
}
