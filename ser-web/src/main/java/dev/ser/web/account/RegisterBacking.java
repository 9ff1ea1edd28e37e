package dev.ser.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The registration form: creates the account, then signs it in like the login form does. */
@Named
@RequestScoped
public class RegisterBacking {
  @Inject Authentication authentication;
  @Inject LoginBacking login;
  @Inject HttpServletRequest request;

  private String username;
  private String password;

  public String register() throws IOException {
    authentication.register(username, password, request.getRemoteAddr());
    login.setUsername(username);
    login.setPassword(password);
    login.setNext("/history.xhtml");
    return login.login();
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
}
