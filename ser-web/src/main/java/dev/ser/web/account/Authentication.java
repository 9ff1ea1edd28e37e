package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.domain.account.Credentials;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import dev.ser.storage.token.ApiTokens;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Who someone is: sign-in by password, API tokens, and registration. */
@ApplicationScoped
public class Authentication {
  @Inject Storage storage;
  @Inject Passwords passwords;
  @Inject LoginThrottle throttle;

  static SerException unauthorized() {
    return new SerException("unauthorized", "Sign in, or send 'Authorization: Bearer <token>'.");
  }

  /**
   * The account whose password this is; {@code unauthorized} for a wrong name or password, {@code
   * too_many_requests} while the name is locked after repeated failures.
   */
  public Account signIn(String username, char[] password) {
    throttle.check(username);
    Optional<Credentials> credentials;
    try {
      Username name = new Username(username == null ? "" : username);
      credentials = storage.database().inTransaction(em -> new Users(em).credentialsOf(name));
    } catch (SerException badName) {
      credentials = Optional.empty();
    }
    if (credentials.isEmpty()) {
      passwords.waste(password);
      throttle.failed(username);
      throw unauthorized();
    }
    if (!passwords.matches(password, credentials.get().passwordHash())) {
      throttle.failed(username);
      throw unauthorized();
    }
    throttle.succeeded(username);
    return credentials.get().account();
  }

  /** The account a valid, unrevoked API token belongs to; {@code unauthorized} otherwise. */
  public Account byToken(ApiTokenSecret secret) {
    return storage
        .database()
        .inTransaction(
            em ->
                new ApiTokens(em)
                    .authenticate(secret, Instant.now())
                    .flatMap(id -> new Users(em).find(id)))
        .orElseThrow(Authentication::unauthorized);
  }

  /** A new user account. */
  public Account register(String username, String password) {
    Username name = new Username(username == null ? "" : username);
    var hash = passwords.hash(password);
    return storage
        .database()
        .inTransaction(em -> new Users(em).register(name, hash, Role.USER, Instant.now()));
  }
}
