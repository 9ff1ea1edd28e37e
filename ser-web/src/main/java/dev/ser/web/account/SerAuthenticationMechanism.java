package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.UserId;
import dev.ser.domain.account.Username;
import dev.ser.web.error.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, for pages and API alike. Three ways in, checked in this order:
 *
 * <ol>
 *   <li>{@code Authorization: Bearer ser_...}: a personal API token, for this request only (no
 *       session is created, so API clients stay stateless);
 *   <li>a sign-in from the login page ({@code SecurityContext.authenticate} with a username and
 *       password): the session id is changed first, so a session fixed by an attacker before
 *       sign-in is worthless, and the account is kept in the session;
 *   <li>an account kept in the session by an earlier sign-in.
 * </ol>
 *
 * A protected page without any of them redirects to the login page; a protected API call gets 401
 * JSON.
 */
@ApplicationScoped
public class SerAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String SESSION_ACCOUNT = "ser.account";
  static final String REQUEST_ACCOUNT = "ser.account";
  static final String SIGN_IN_PROBLEM = "ser.sign-in-problem";
  private static final String LIVE_PATH = "/api/v1/live";

  @Inject Authentication authentication;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getRequestURI().equals(request.getContextPath() + LIVE_PATH)) {
      // The live stream's own filter reads the same credentials and answers a wrong token over
      // the socket, where a browser can see it.
      return context.doNothing();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      try {
        Account account =
            authentication.byToken(ApiTokenSecret.fromAuthorizationHeader(authorization));
        return login(request, context, account);
      } catch (SerException e) {
        return refuse(response, Problem.of(e));
      }
    }
    if (context.getAuthParameters().getCredential() instanceof UsernamePasswordCredential login) {
      Account account;
      try {
        account =
            authentication.signIn(
                login.getCaller(), login.getPassword().getValue(), request.getRemoteAddr());
      } catch (SerException e) {
        request.setAttribute(SIGN_IN_PROBLEM, e);
        return AuthenticationStatus.SEND_FAILURE;
      }
      request.getSession(true);
      request.changeSessionId();
      request.getSession().setAttribute(SESSION_ACCOUNT, SignedIn.of(account));
      return login(request, context, account);
    }
    Optional<Account> signedIn = sessionAccount(request);
    if (signedIn.isPresent()) {
      return login(request, context, signedIn.get());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return refuse(response, Problem.of(Authentication.unauthorized()));
    }
    return context.redirect(
        request.getContextPath() + "/login.xhtml?next=" + Redirects.encode(pathOf(request)));
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }

  /** The account an earlier sign-in kept in the request's session, if any. */
  public static Optional<Account> sessionAccount(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_ACCOUNT) instanceof SignedIn signedIn
        ? Optional.of(signedIn.account())
        : Optional.empty();
  }

  private static AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, Account account) {
    request.setAttribute(REQUEST_ACCOUNT, account);
    return context.notifyContainerAboutLogin(
        account.username().value(), account.isAdmin() ? Set.of("user", "admin") : Set.of("user"));
  }

  private static AuthenticationStatus refuse(HttpServletResponse response, Problem problem) {
    try {
      response.setHeader("WWW-Authenticate", "Bearer");
      problem.writeTo(response);
      return AuthenticationStatus.SEND_FAILURE;
    } catch (IOException e) {
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  private static String pathOf(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
  }

  /** What the session remembers of a signed-in account: who it is, no secrets. */
  record SignedIn(UUID id, String username, String role, Instant createdAt)
      implements Serializable {
    static SignedIn of(Account account) {
      return new SignedIn(
          account.id().value(),
          account.username().value(),
          account.role().name(),
          account.createdAt());
    }

    Account account() {
      return new Account(new UserId(id), new Username(username), Role.valueOf(role), createdAt);
    }
  }
}
