package dev.ser.training.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckTest {
  @Test
  void embeddedPortIsTheFourthLineOfPostmasterPid() throws IOException {
    List<String> pidFile =
        List.of("4242", "/tmp/data/postgres", "1764000000", "38911", "/tmp", "127.0.0.1");

    assertThat(StoreCheck.portOf(pidFile)).isEqualTo(38911);
  }

  @Test
  void postmasterPidWithoutPortIsRefused() {
    assertThatThrownBy(() -> StoreCheck.portOf(List.of("4242", "/tmp/data/postgres")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fourth line");
  }

  @Test
  void dataDirectoryWithoutRunningDatabaseSaysSo(@TempDir Path data) {
    assertThatThrownBy(() -> StoreCheck.embeddedPort(data.resolve("postgres/postmaster.pid")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no embedded PostgreSQL running");
  }
}
