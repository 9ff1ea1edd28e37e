package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import dev.ser.domain.account.PasswordHash;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords();

  @Test
  void newPasswordsAreStoredAsArgon2idWithOwaspParameters() {
    PasswordHash hash = passwords.hash("a long enough password");

    assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(passwords.verify("a long enough password".toCharArray(), hash))
        .isEqualTo(Passwords.Verdict.RIGHT);
    assertThat(passwords.verify("a long enough passworD".toCharArray(), hash))
        .isEqualTo(Passwords.Verdict.WRONG);
  }

  @Test
  void pbkdf2HashesFromBeforeStillVerifyButAskToBeReplaced() {
    PasswordHash legacy = new PasswordHash(Pbkdf2LegacyTest.SOTERIA_HASH);

    assertThat(passwords.verify(Pbkdf2LegacyTest.PASSWORD.toCharArray(), legacy))
        .isEqualTo(Passwords.Verdict.RIGHT_BUT_OUTDATED);
    assertThat(passwords.verify("not the password".toCharArray(), legacy))
        .isEqualTo(Passwords.Verdict.WRONG);
  }

  @Test
  void argon2idHashesWithWeakerParametersAskToBeReplaced() {
    PasswordHash weaker =
        new PasswordHash(
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

    assertThat(passwords.verify("password".toCharArray(), weaker))
        .isEqualTo(Passwords.Verdict.RIGHT_BUT_OUTDATED);
  }

  @Test
  void aReplacementHashIsCurrentAndVerifies() {
    PasswordHash replaced = passwords.rehash(Pbkdf2LegacyTest.PASSWORD.toCharArray());

    assertThat(passwords.verify(Pbkdf2LegacyTest.PASSWORD.toCharArray(), replaced))
        .isEqualTo(Passwords.Verdict.RIGHT);
  }

  @Test
  void storedTextThatIsNoKnownHashNeverMatches() {
    assertThat(
            passwords.verify(
                "not-a-usable-hash".toCharArray(), new PasswordHash("not-a-usable-hash")))
        .isEqualTo(Passwords.Verdict.WRONG);
  }

  @Test
  void tooShortAndTooLongPasswordsAreRefusedBeforeHashing() {
    assertThatThrownBy(() -> passwords.hash("short"))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("weak_password");
    assertThatThrownBy(() -> passwords.hash("x".repeat(Passwords.MAX_LENGTH + 1)))
        .isInstanceOf(SerException.class);
    assertThatThrownBy(() -> passwords.hash(null)).isInstanceOf(SerException.class);
  }
}
