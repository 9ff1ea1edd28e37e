package dev.ser.web.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * JAX-RS's own refusals (unknown path, wrong method, a content type no resource consumes) in the
 * same JSON shape as every other API error, instead of the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
      return new Problem(status.getStatusCode(), "server_error", status.getReasonPhrase())
          .response();
    }
    String code = status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
    return new Problem(status.getStatusCode(), code, e.getMessage()).response();
  }
}
