package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.PasswordHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA256, 210,000 iterations, 16-byte salt,
 * 32-byte key), stored in its self-describing text form so the parameters can be raised later
 * without invalidating old hashes.
 */
@ApplicationScoped
public class Passwords {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;

  @Inject Pbkdf2PasswordHash pbkdf2;

  /** Verified against for unknown usernames, so a wrong name costs as long as a wrong password. */
  private String decoy;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = pbkdf2.generate("not a password anyone uses".toCharArray());
  }

  /** Hashes a new password after checking it is long enough to be worth hashing. */
  public PasswordHash hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new SerException(
          "weak_password",
          "Choose a password of " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    return new PasswordHash(pbkdf2.generate(password.toCharArray()));
  }

  public boolean matches(char[] password, PasswordHash hash) {
    return pbkdf2.verify(password, hash.encoded());
  }

  /** Spends the time of one verification, for a username that does not exist. */
  void waste(char[] password) {
    pbkdf2.verify(password, decoy);
  }
}
