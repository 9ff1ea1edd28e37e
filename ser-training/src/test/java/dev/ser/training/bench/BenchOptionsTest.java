package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.training.cli.Main;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final List<String> ALLOWED = List.of("url", "clients", "seconds");

  @Test
  void clientLevelsAreCommaSeparated() {
    BenchOptions options = BenchOptions.parse(new String[] {"--clients", "1, 8,32"}, ALLOWED);

    assertThat(options.positives("clients", List.of(4), 256)).containsExactly(1, 8, 32);
  }

  @Test
  void defaultsApplyWhenAnOptionIsAbsent() {
    BenchOptions options = BenchOptions.parse(new String[0], ALLOWED);

    assertThat(options.positive("seconds", 60, 3600)).isEqualTo(60);
    assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
  }

  @Test
  void unknownOptionIsAUsageErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rps", "5"}, ALLOWED))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--rps")
        .hasMessageContaining("--clients");
  }

  @Test
  void zeroSecondsIsRefused() {
    BenchOptions options = BenchOptions.parse(new String[] {"--seconds", "0"}, ALLOWED);

    assertThatThrownBy(() -> options.positive("seconds", 60, 3600))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("between 1 and 3600");
  }

  @Test
  void urlOffThisMachineIsRefused() {
    BenchOptions options =
        BenchOptions.parse(new String[] {"--url", "http://192.0.2.7:8080"}, ALLOWED);

    assertThatThrownBy(options::url).isInstanceOf(Main.UsageException.class);
  }
}
