package dev.ser.web.account;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import dev.ser.storage.audit.AuditEntry;
import dev.ser.storage.audit.AuditLog;
import dev.ser.web.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On a fresh database, creates the {@code admin} account so the sample library can be managed: with
 * {@code SER_ADMIN_PASSWORD} if set, else with a random password printed once to the log.
 */
@ApplicationScoped
public class FirstAdmin {
  static final String USERNAME = "admin";
  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject Storage storage;
  @Inject Passwords passwords;

  @Inject
  @ConfigProperty(name = "ser.admin.password")
  Optional<String> configuredPassword;

  public void ensure() {
    boolean exists = storage.database().inTransaction(em -> new Users(em).anyAdmin());
    if (exists) {
      return;
    }
    boolean configured = configuredPassword.filter(p -> !p.isBlank()).isPresent();
    String password = configured ? configuredPassword.get() : random();
    var hash = passwords.hash(password);
    storage
        .database()
        .execute(
            em -> {
              Account admin =
                  new Users(em).register(new Username(USERNAME), hash, Role.ADMIN, Instant.now());
              new AuditLog(em)
                  .record(
                      AuditEntry.bySystem("admin.create", admin.id().toString(), Instant.now())
                          .withDetail(
                              "first start: created '"
                                  + USERNAME
                                  + "' with "
                                  + (configured
                                      ? "the password from SER_ADMIN_PASSWORD"
                                      : "a random password printed to the log")));
            });
    if (configured) {
      LOG.info("created the admin account 'admin' with the password from SER_ADMIN_PASSWORD");
    } else {
      LOG.warning(
          "created the admin account 'admin'; its password, shown only this once, is: " + password);
    }
  }

  private static String random() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
