package dev.ser.web.account;

import dev.ser.domain.account.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The {@link Caller} of the current request: the account {@link SerAuthenticationMechanism}
 * authenticated, and the anonymous session only when there already is one, so API clients without
 * cookies never get a session created for them.
 */
@RequestScoped
public class CurrentCaller {
  @Inject HttpServletRequest request;
  @Inject Visitor visitor;

  /** For pages: the visitor session is created if needed, to remember what it analysed. */
  public Caller inBrowser() {
    return new Caller(account(), Optional.of(visitor), request.getRemoteAddr());
  }

  /** For the API: an existing browser session counts, but none is created. */
  public Caller ofApi() {
    return new Caller(
        account(),
        request.getSession(false) == null ? Optional.empty() : Optional.of(visitor),
        request.getRemoteAddr());
  }

  private Optional<Account> account() {
    return request.getAttribute(SerAuthenticationMechanism.REQUEST_ACCOUNT) instanceof Account a
        ? Optional.of(a)
        : Optional.empty();
  }
}
