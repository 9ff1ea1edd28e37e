package dev.ser.web.account;

import dev.ser.web.error.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The API's defence against cross-site request forgery. {@link SerAuthenticationMechanism} lets a
 * browser session call the API too, and a session cookie is sent by the browser on its own, so a
 * page on another site could make a signed-in visitor's browser analyse or delete on their behalf.
 * Faces forms are safe through their server-side view state; the API has none, so a call that
 * changes something, carries the session cookie and no {@code Authorization} header is refused when
 * the browser says it came from another origin ({@code Sec-Fetch-Site}, else {@code Origin} against
 * {@code Host}).
 *
 * <p>A bearer token is never sent by a browser on its own, and a client that sends neither header
 * is not a browser page, so both pass: only the ambient session cookie needs the check.
 */
@Provider
@PreMatching
public class CrossSiteApiFilter implements ContainerRequestFilter {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    if (SAFE_METHODS.contains(context.getMethod())
        || context.getHeaderString(HttpHeaders.AUTHORIZATION) != null
        || request.getRequestedSessionId() == null) {
      return;
    }
    if (isCrossSite(
        context.getHeaderString("Sec-Fetch-Site"),
        context.getHeaderString("Origin"),
        context.getHeaderString(HttpHeaders.HOST))) {
      context.abortWith(
          new Problem(
                  403,
                  "cross_site_request",
                  "A page of another site cannot use your session to change anything here;"
                      + " API clients send Authorization: Bearer with a personal token.")
              .response());
    }
  }

  /**
   * Whether the browser declared the request as coming from another origin. {@code Sec-Fetch-Site}
   * is {@code same-origin} for our own pages and {@code none} for what the user typed; {@code
   * same-site} (a sibling subdomain) is another origin too. Browsers without it still send {@code
   * Origin} on cross-origin POST and DELETE; {@code Origin: null} (a sandboxed or privacy-sensitive
   * context) is never ours.
   */
  public static boolean isCrossSite(String secFetchSite, String origin, String host) {
    if (secFetchSite != null) {
      String site = secFetchSite.trim().toLowerCase(Locale.ROOT);
      return !site.equals("same-origin") && !site.equals("none");
    }
    if (origin == null) {
      return false;
    }
    return host == null || !host.equalsIgnoreCase(authorityOf(origin));
  }

  private static String authorityOf(String origin) {
    try {
      URI uri = new URI(origin.trim());
      if (uri.getHost() == null) {
        return "";
      }
      return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (URISyntaxException e) {
      return "";
    }
  }
}
