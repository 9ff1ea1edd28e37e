package dev.ser.web.analysis;

import dev.ser.web.WebSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Answers a page's upload that is larger than the limit with the 413 page before the container
 * parses it. The container's own multipart limit (web.xml) would otherwise fail the parse inside
 * the Faces lifecycle and show the 500 page; the upload form's own size check never ran.
 */
@WebFilter(servletNames = "Faces")
public class UploadSizeFilter extends HttpFilter {
  /** Room for the form's other fields and the multipart boundaries around the file. */
  static final long FORM_OVERHEAD_BYTES = 64 * 1024;

  @Inject WebSettings settings;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    if ("POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && request.getContentLengthLong() > settings.maxUploadBytes() + FORM_OVERHEAD_BYTES) {
      // The body is not read: the connection is closed after the answer instead.
      response.setHeader("Connection", "close");
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
