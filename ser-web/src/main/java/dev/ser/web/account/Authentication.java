package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.Account;
import dev.ser.domain.account.ApiTokenSecret;
import dev.ser.domain.account.Credentials;
import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.storage.token.ApiTokens;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
   * too_many_requests} while the name is locked after repeated failures. Successes, failures and
   * lock-outs go to the audit log with the caller's address; a hash from an older scheme is
   * replaced with a current one in the same transaction as the success's audit row.
   */
  public Account signIn(String username, char[] password, String address) {
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
      throw failed(username, address, "no such account");
    }
    Account account = credentials.get().account();
    Passwords.Verdict verdict = passwords.verify(password, credentials.get().passwordHash());
    if (verdict == Passwords.Verdict.WRONG) {
      throw failed(username, address, "wrong password");
    }
    throttle.succeeded(username);
    Optional<PasswordHash> upgrade =
        verdict == Passwords.Verdict.RIGHT_BUT_OUTDATED
            ? Optional.of(passwords.rehash(password))
            : Optional.empty();
    storage
        .database()
        .execute(
            em -> {
              upgrade.ifPresent(hash -> new Users(em).changePassword(account.id(), hash));
              new AuditLog(em)
                  .record(
                      AuditEntry.by(account, "user.sign-in", account.id().toString(), Instant.now())
                          .withDetail(
                              "from "
                                  + address
                                  + (upgrade.isPresent()
                                      ? "; password hash upgraded to Argon2id"
                                      : "")));
            });
    return account;
  }

  private SerException failed(String username, String address, String why) {
    Optional<Duration> lock = throttle.failed(username);
    String target = username == null ? "" : username;
    Instant now = Instant.now();
    storage
        .database()
        .execute(
            em -> {
              AuditLog log = new AuditLog(em);
              log.record(
                  AuditEntry.anonymous(address, "user.sign-in-failed", target, now)
                      .withDetail(why));
              lock.ifPresent(
                  duration ->
                      log.record(
                          AuditEntry.anonymous(address, "user.locked", target, now)
                              .withDetail(
                                  "sign-in refused for "
                                      + duration.toSeconds()
                                      + " s after repeated failures")));
            });
    return unauthorized();
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

  /** A new user account, with an audit row naming the address it was made from. */
  public Account register(String username, String password, String address) {
    Username name = new Username(username == null ? "" : username);
    var hash = passwords.hash(password);
    return storage
        .database()
        .inTransaction(
            em -> {
              Account account = new Users(em).register(name, hash, Role.USER, Instant.now());
              new AuditLog(em)
                  .record(
                      AuditEntry.by(
                              account, "user.register", account.id().toString(), Instant.now())
                          .withDetail("from " + address));
              return account;
            });
  }
}
