package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Against a hash made by the code that wrote the old rows: GlassFish Soteria's {@code
 * Pbkdf2PasswordHashImpl} from Payara Micro 6.2025.10, initialised as {@code Passwords} used to be
 * (PBKDF2WithHmacSHA256, 210,000 iterations, 16-byte salt, 32-byte key).
 */
class Pbkdf2LegacyTest {
  static final String PASSWORD = "legacy password 2024";
  static final String SOTERIA_HASH =
      "PBKDF2WithHmacSHA256:210000:Sz6FjGBjzJfynfgHBC2FvA==:"
          + "t0T1gxHsXzQDvcZx5AuYWDgsAz4VMbUjesDtWULL2+g=";

  @Test
  void verifiesAHashSoteriaWrote() {
    assertThat(Pbkdf2Legacy.isOne(SOTERIA_HASH)).isTrue();
    assertThat(Pbkdf2Legacy.verify(PASSWORD.toCharArray(), SOTERIA_HASH)).isTrue();
  }

  @Test
  void refusesAWrongPassword() {
    assertThat(Pbkdf2Legacy.verify("legacy password 2025".toCharArray(), SOTERIA_HASH)).isFalse();
  }

  @Test
  void changedParametersOrMangledStringsDoNotVerify() {
    char[] password = PASSWORD.toCharArray();

    assertThat(Pbkdf2Legacy.verify(password, SOTERIA_HASH.replace("210000", "210001"))).isFalse();
    assertThat(Pbkdf2Legacy.verify(password, SOTERIA_HASH.replace("SHA256", "SHA512"))).isFalse();
    assertThat(Pbkdf2Legacy.verify(password, SOTERIA_HASH.replace("210000", "9999999"))).isFalse();
    assertThat(Pbkdf2Legacy.verify(password, "MD5:1:c2FsdA==:aGFzaA==")).isFalse();
    assertThat(Pbkdf2Legacy.verify(password, "PBKDF2WithHmacSHA256:1::")).isFalse();
    assertThat(Pbkdf2Legacy.verify(password, null)).isFalse();
    assertThat(Pbkdf2Legacy.isOne("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
  }
}
