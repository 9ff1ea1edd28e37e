package dev.ser.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiTokenSecretTest {

  @Test
  void hashIsTheSha256OfTheTokenText() {
    // Independent expectation: printf %s 'ser_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' |
    // sha256sum
    var secret = new ApiTokenSecret("ser_" + "A".repeat(43));
    assertThat(secret.sha256Hex())
        .isEqualTo("5554646666525ced3fdd6d22f5002ba41b0d7a8006d13aca62ba3d48b972ee95");
  }

  @Test
  void generatedTokensAreWellFormedAndDistinct() {
    var random = new SecureRandom();
    var first = ApiTokenSecret.generate(random);
    var second = ApiTokenSecret.generate(random);
    assertThat(first.value()).startsWith("ser_").hasSize(47);
    assertThat(first).isNotEqualTo(second);
    assertThat(first.sha256Hex()).isNotEqualTo(second.sha256Hex()).hasSize(64);
  }

  @Test
  void displayPrefixShowsEightCharactersAfterTheScheme() {
    var secret = new ApiTokenSecret("ser_Ab3xK9pQ" + "z".repeat(35));
    assertThat(secret.displayPrefix()).isEqualTo("ser_Ab3xK9pQ");
    assertThat(secret.toString()).doesNotContain("zzzz");
  }

  @Test
  void readsBearerHeaderCaseInsensitively() {
    String token = "ser_" + "b".repeat(43);
    assertThat(ApiTokenSecret.fromAuthorizationHeader("bearer " + token).value()).isEqualTo(token);
  }

  @Test
  void rejectsMissingOrForeignAuthorization() {
    assertThatThrownBy(() -> ApiTokenSecret.fromAuthorizationHeader(null))
        .isInstanceOf(SerException.class)
        .extracting(e -> ((SerException) e).code())
        .isEqualTo("unauthorized");
    assertThatThrownBy(() -> ApiTokenSecret.fromAuthorizationHeader("Basic dXNlcjpwYXNz"))
        .isInstanceOf(SerException.class);
    assertThatThrownBy(() -> ApiTokenSecret.fromAuthorizationHeader("Bearer ser_short"))
        .isInstanceOf(SerException.class);
  }
}
