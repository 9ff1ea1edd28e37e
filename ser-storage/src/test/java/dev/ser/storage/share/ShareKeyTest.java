package dev.ser.storage.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareKeyTest {
  @Test
  void generatedKeysAre43UrlSafeCharactersAndDiffer() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String key = ShareKey.generate(random).value();
      assertThat(key).matches("[A-Za-z0-9_-]{43}");
      seen.add(key);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void textThatIsNotAKeyIsNotFound() {
    for (String text : new String[] {null, "", "short", "x".repeat(44), "a/b+" + "x".repeat(39)}) {
      assertThatThrownBy(() -> new ShareKey(text))
          .isInstanceOf(SerException.class)
          .extracting(e -> ((SerException) e).code())
          .isEqualTo("not_found");
    }
  }

  @Test
  void theHashIsLowerCaseHexSha256AndTheTextNeverLogsTheKey() {
    ShareKey key = new ShareKey("A".repeat(43));

    assertThat(key.sha256Hex()).matches("[0-9a-f]{64}");
    assertThat(key.toString()).doesNotContain(key.value());
  }
}
