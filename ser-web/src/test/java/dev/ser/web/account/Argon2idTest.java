package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Against outputs computed elsewhere: RFC 9106's Argon2id test vector (section 5.3) and PHC strings
 * written by the reference implementation's command-line tool ({@code argon2} from Debian, e.g.
 * {@code echo -n 'correct horse battery staple' | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l
 * 32 -e}).
 */
class Argon2idTest {
  private static final String CLI_OWASP =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ISO7kkvFzh19GM8qB7patN3C3Y9HHsjlVTfEZ9T600Y";
  private static final String CLI_OWASP_POLISH =
      "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$AW78nbuZbpAuVtQqNAcmum5THkscyyGJtlwkXIogwG0";

  /** {@code echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1}: 64 MiB, 8-byte salt. */
  private static final String CLI_64_MIB =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void rawTagMatchesTheRfc9106Vector() {
    char[] password = new char[32];
    Arrays.fill(password, '\u0001');
    Argon2id rfc = new Argon2id(32, 3, 4, 16, 32);

    byte[] tag = rfc.derive(password, filled(16, 2), filled(8, 3), filled(12, 4));

    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void writesTheSamePhcStringAsTheReferenceTool() {
    byte[] salt = "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    String encoded =
        Argon2id.OWASP.encode(
            salt,
            Argon2id.OWASP.derive("correct horse battery staple".toCharArray(), salt, null, null));

    assertThat(encoded).isEqualTo(CLI_OWASP);
  }

  @Test
  void verifiesReferenceHashesIncludingNonAsciiPasswordsAsUtf8() {
    assertThat(Argon2id.verify("correct horse battery staple".toCharArray(), CLI_OWASP)).isTrue();
    assertThat(Argon2id.verify("Zażółć gęślą jaźń 1234".toCharArray(), CLI_OWASP_POLISH)).isTrue();
    assertThat(Argon2id.verify("password".toCharArray(), CLI_64_MIB)).isTrue();
  }

  @Test
  void refusesAWrongPassword() {
    assertThat(Argon2id.verify("correct horse battery stapler".toCharArray(), CLI_OWASP)).isFalse();
    assertThat(Argon2id.verify("".toCharArray(), CLI_OWASP)).isFalse();
  }

  @Test
  void newHashesUseOwaspParametersAndAFreshSaltEachTime() {
    SecureRandom random = new SecureRandom();
    char[] password = "a long enough password".toCharArray();

    String first = Argon2id.OWASP.hash(password, random);
    String second = Argon2id.OWASP.hash(password, random);

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(second);
    Argon2id.Stored stored = Argon2id.parse(first).orElseThrow();
    assertThat(stored.salt()).hasSize(16);
    assertThat(stored.hash()).hasSize(32);
    assertThat(Argon2id.verify(password, first)).isTrue();
    assertThat(Argon2id.verify(password, second)).isTrue();
  }

  @Test
  void knowsWhichHashesWereMadeWithOtherParameters() {
    assertThat(Argon2id.OWASP.madeThis(CLI_OWASP)).isTrue();
    assertThat(Argon2id.OWASP.madeThis(CLI_64_MIB)).isFalse();
    assertThat(Argon2id.OWASP.madeThis("PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA==")).isFalse();
  }

  @Test
  void otherVariantsVersionsAndMangledStringsDoNotVerify() {
    char[] password = "correct horse battery staple".toCharArray();

    assertThat(Argon2id.verify(password, CLI_OWASP.replace("argon2id", "argon2i"))).isFalse();
    assertThat(Argon2id.verify(password, CLI_OWASP.replace("v=19", "v=16"))).isFalse();
    assertThat(Argon2id.verify(password, CLI_OWASP.replace("t=2", "t=3"))).isFalse();
    assertThat(Argon2id.verify(password, CLI_OWASP + "$extra")).isFalse();
    assertThat(Argon2id.verify(password, "")).isFalse();
    assertThat(Argon2id.verify(password, null)).isFalse();
  }

  @Test
  void storedParametersBeyondTheLimitsAreRefusedWithoutHashing() {
    String huge =
        "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

    assertThat(Argon2id.parse(huge)).isEmpty();
    assertThat(Argon2id.verify("x".toCharArray(), huge)).isFalse();
  }

  @Test
  void parametersValidateThemselves() {
    assertThatThrownBy(() -> new Argon2id(4, 2, 1, 16, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2id(19456, 0, 1, 16, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2id(19456, 2, 0, 16, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2id(19456, 2, 1, 4, 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2id(19456, 2, 1, 16, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
