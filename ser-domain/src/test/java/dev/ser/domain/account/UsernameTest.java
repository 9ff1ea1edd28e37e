package dev.ser.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import org.junit.jupiter.api.Test;

class UsernameTest {

  @Test
  void foldsCaseAndTrimsSoOneAddressIsOneAccount() {
    assertThat(new Username("  Anna@Example.ORG ")).isEqualTo(new Username("anna@example.org"));
  }

  @Test
  void acceptsPlainNamesAndAddresses() {
    assertThat(new Username("admin").value()).isEqualTo("admin");
    assertThat(new Username("a.b+c_d-e@host.example").value()).isEqualTo("a.b+c_d-e@host.example");
  }

  @Test
  void rejectsTooShortTooLongAndOddCharacters() {
    assertThatThrownBy(() -> new Username("ab")).isInstanceOf(SerException.class);
    assertThatThrownBy(() -> new Username("a".repeat(255))).isInstanceOf(SerException.class);
    assertThatThrownBy(() -> new Username("anna smith")).isInstanceOf(SerException.class);
    assertThatThrownBy(() -> new Username("../etc")).isInstanceOf(SerException.class);
    assertThatThrownBy(() -> new Username("<script>")).isInstanceOf(SerException.class);
  }
}
