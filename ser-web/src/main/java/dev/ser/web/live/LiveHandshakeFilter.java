package dev.ser.web.live;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.web.account.Authentication;
import dev.ser.web.account.CrossSiteApiFilter;
import dev.ser.web.account.SerAuthenticationMechanism;
import dev.ser.web.error.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Finds who opens a live stream before the WebSocket upgrade: an API token ({@code Authorization:
 * Bearer}, or a {@code token} query parameter for clients that cannot set headers), else the
 * account of the page's session (only from a page of this site: a session cookie sent from another
 * origin counts as anonymous), else anonymous. A plain GET without the upgrade gets 426 JSON.
 */
@WebFilter("/api/v1/live")
public class LiveHandshakeFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient Authentication authentication;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      refuseWithoutUpgrade(response);
      return;
    }
    LiveClient client = clientOf(request);
    try {
      LiveHandshake.during(
          client,
          () -> {
            try {
              chain.doFilter(request, response);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (ServletException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private LiveClient clientOf(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    String header = request.getHeader("Authorization");
    String token = request.getParameter("token");
    if (header != null || token != null) {
      try {
        ApiTokenSecret secret =
            header != null
                ? ApiTokenSecret.fromAuthorizationHeader(header)
                : new ApiTokenSecret(token.strip());
        return new LiveClient(
            Optional.of(authentication.byToken(secret)), address, Optional.empty());
      } catch (SerException e) {
        return new LiveClient(Optional.empty(), address, Optional.of(e));
      }
    }
    Optional<Account> signedIn =
        SerAuthenticationMechanism.sessionAccount(request)
            .filter(
                account ->
                    !CrossSiteApiFilter.isCrossSite(
                        request.getHeader("Sec-Fetch-Site"),
                        request.getHeader("Origin"),
                        request.getHeader("Host")));
    return new LiveClient(signedIn, address, Optional.empty());
  }

  private static void refuseWithoutUpgrade(HttpServletResponse response) throws IOException {
    Problem problem =
        new Problem(
            426,
            "websocket_required",
            "Open /api/v1/live as a WebSocket (ws:// or wss://); see /api.html.");
    response.setHeader("Upgrade", "websocket");
    problem.writeTo(response);
  }
}
