package dev.ser.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that make every response harder to abuse: no inline or foreign script (all of ours is in
 * /resources/js), no framing by other sites, no MIME sniffing, no referrer leaking result URLs;
 * over HTTPS (directly or behind App Service's front end) browsers are told to stay on HTTPS.
 *
 * <p>A shared result's page and media carry the link's key in their address, so they send no
 * referrer at all (not even to this site's own resources), are kept by no cache and are listed by
 * no search engine.
 */
@WebFilter("/*")
public class SecurityHeadersFilter extends HttpFilter {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; media-src 'self' blob:; connect-src 'self';"
          + " frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    if (isSharedResult(request)) {
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Cache-Control", "private, no-store");
      response.setHeader("X-Robots-Tag", "noindex");
    } else {
      response.setHeader("Referrer-Policy", "same-origin");
    }
    response.setHeader("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    chain.doFilter(request, response);
  }

  static boolean isSharedResult(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || context == null) {
      // A request the container already gave up (an upgraded WebSocket's): nothing shared here.
      return false;
    }
    String path = uri.substring(context.length());
    return path.equals("/shared.xhtml") || path.startsWith("/media/shared/");
  }
}
