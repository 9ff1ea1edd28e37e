package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.web.Notice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login form: hands the credentials to {@link SerAuthenticationMechanism}; once signed in, the
 * analyses this browser made anonymously become the account's, and the next page says so.
 */
@Named
@RequestScoped
public class LoginBacking {
  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject CurrentCaller caller;
  @Inject Accounts accounts;

  private String username;
  private String password;
  private String next;

  public String login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password)))
                .newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS) {
      int claimed = accounts.claimVisitorsAnalyses(caller.inBrowser());
      if (claimed > 0) {
        Notice.afterRedirect(faces, claimedNotice(claimed));
      }
      external.redirect(external.getRequestContextPath() + Redirects.safeNext(next));
      faces.responseComplete();
      return null;
    }
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return null;
    }
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal(external), null));
    return null;
  }

  private static String claimedNotice(int claimed) {
    return claimed == 1
        ? "Your analysis from before you signed in is now in your history."
        : "Your " + claimed + " analyses from before you signed in are now in your history.";
  }

  /**
   * "Wrong username or password" for either mistake, so the page never says which names exist; a
   * lock-out says how long it lasts, since it applies whatever the password.
   */
  private static String refusal(ExternalContext external) {
    Object problem =
        ((HttpServletRequest) external.getRequest())
            .getAttribute(SerAuthenticationMechanism.SIGN_IN_PROBLEM);
    if (problem instanceof SerException e && e.code().equals("too_many_requests")) {
      return e.getMessage();
    }
    return "Wrong username or password.";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
