package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.ApiToken;
import dev.ser.domain.account.ApiTokenId;
import dev.ser.web.Notice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** The account page (tokens, delete everything) and the log-out link. */
@Named
@RequestScoped
public class AccountBacking {
  @Inject Accounts accounts;
  @Inject CurrentCaller caller;

  private String confirmation;
  @Inject FacesContext faces;

  private String tokenName;
  private String issuedSecret;
  private List<ApiToken> tokens;

  public List<ApiToken> getTokens() {
    if (tokens == null) {
      tokens = accounts.tokens(caller.inBrowser());
    }
    return tokens;
  }

  public String createToken() {
    issuedSecret = accounts.issueToken(caller.inBrowser(), tokenName).secret().value();
    tokenName = null;
    tokens = null;
    return null;
  }

  public String revoke(String id) {
    String name =
        getTokens().stream()
            .filter(token -> token.id().toString().equals(id))
            .map(ApiToken::name)
            .findFirst()
            .orElse("");
    accounts.revokeToken(caller.inBrowser(), ApiTokenId.parse(id));
    Notice.afterRedirect(
        faces, "Revoked the token '" + name + "': requests that send it are refused from now on.");
    return "/account?faces-redirect=true";
  }

  /**
   * Deletes the account with its recordings, tokens and audio, once the username typed into the
   * form matches: one click must not take everything.
   */
  public String deleteEverything() throws ServletException {
    String username = caller.inBrowser().requireAccount().username().value();
    if (!username.equals(confirmation == null ? "" : confirmation.strip())) {
      throw new SerException(
          "confirmation_mismatch",
          "Type your username, " + username + ", to delete the account and everything in it.");
    }
    accounts.deleteEverything(caller.inBrowser());
    logout();
    return "/index?faces-redirect=true&deleted=account";
  }

  /** What was typed to confirm the deletion. */
  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public String logout() throws ServletException {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    request.logout();
    faces.getExternalContext().invalidateSession();
    return "/index?faces-redirect=true";
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }
}
