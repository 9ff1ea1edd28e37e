package dev.ser.web.account;

import dev.ser.domain.SerException;
import dev.ser.domain.account.PasswordHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Password hashing: new hashes are {@link Argon2id} with OWASP's parameters; hashes from before
 * (Jakarta Security's PBKDF2, see {@link Pbkdf2Legacy}) still verify and are reported as outdated,
 * so sign-in replaces them. Raising the Argon2id parameters later works the same way.
 *
 * <p>Each Argon2id computation takes 19 MiB, so only as many run at once as there are processors
 * (at least two): a flood of sign-ins queues for the CPU it needs anyway instead of filling the
 * heap.
 */
@ApplicationScoped
public class Passwords {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 200;

  /** What checking a password against a stored hash found. */
  public enum Verdict {
    WRONG,
    RIGHT,
    /** Right, but stored with an older scheme or weaker parameters: store a new hash. */
    RIGHT_BUT_OUTDATED
  }

  private final Argon2id current;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrencyLimit hashing =
      new ConcurrencyLimit(Math.max(2, Runtime.getRuntime().availableProcessors()));

  /** Verified against for unknown usernames, so a wrong name costs as long as a wrong password. */
  private String decoy;

  public Passwords() {
    this(Argon2id.OWASP);
  }

  Passwords(Argon2id current) {
    this.current = current;
  }

  @PostConstruct
  void makeDecoy() {
    decoy = hashing.run(() -> current.hash("not a password anyone uses".toCharArray(), random));
  }

  /** Hashes a new password after checking it is long enough to be worth hashing. */
  public PasswordHash hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new SerException(
          "weak_password",
          "Choose a password of " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    return rehash(password.toCharArray());
  }

  /** A current hash of a password that was already accepted once, with no length rules. */
  public PasswordHash rehash(char[] password) {
    return new PasswordHash(hashing.run(() -> current.hash(password, random)));
  }

  public Verdict verify(char[] password, PasswordHash stored) {
    String encoded = stored.encoded();
    return hashing.run(
        () -> {
          if (Argon2id.verify(password, encoded)) {
            return current.madeThis(encoded) ? Verdict.RIGHT : Verdict.RIGHT_BUT_OUTDATED;
          }
          return Pbkdf2Legacy.verify(password, encoded)
              ? Verdict.RIGHT_BUT_OUTDATED
              : Verdict.WRONG;
        });
  }

  /** Spends the time of one verification, for a username that does not exist. */
  void waste(char[] password) {
    if (decoy == null) {
      makeDecoy();
    }
    hashing.run(() -> Argon2id.verify(password, decoy));
  }
}
