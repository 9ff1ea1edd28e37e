package dev.ser.training.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.training.cli.Main;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** Command-line mistakes are usage errors, found before any server is started or contacted. */
class HttpFuzzTest {
  private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void refusesAnythingButTheHttpTarget() {
    assertThatThrownBy(() -> new HttpFuzz().run(new String[] {"decoder"}, discard))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("./ser fuzz http");
  }

  @Test
  void refusesZeroFiles() {
    assertThatThrownBy(() -> new HttpFuzz().run(new String[] {"http", "--files", "0"}, discard))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--files");
  }

  @Test
  void refusesAnAddressThatIsNotThisMachine() {
    assertThatThrownBy(
            () ->
                new HttpFuzz()
                    .run(new String[] {"http", "--url", "http://192.0.2.1:8080"}, discard))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("loopback");
  }

  @Test
  void refusesUnknownOptions() {
    assertThatThrownBy(() -> new HttpFuzz().run(new String[] {"http", "--fast", "1"}, discard))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--files");
  }
}
