package dev.ser.storage.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.domain.account.Account;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryIT {
  @TempDir Path data;

  @Test
  void restartAfterAKilledProcessTakesOverItsEmbeddedServerAndKeepsCommittedRows()
      throws Exception {
    Process app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingApp.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .start();
    try (var lines =
        new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = lines.readLine();
      } while (line != null && !line.equals("ready"));
      assertThat(line).as("the child application started").isEqualTo("ready");
      app.destroyForcibly();
      assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    long leftover = postmasterPid(data);
    assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
        .as("SIGKILL leaves the daemonised server running")
        .contains(true);

    try (Database restarted = Database.start(DatabaseSettings.embedded(data))) {
      Optional<Account> survivor =
          restarted.inTransaction(em -> new Users(em).findByUsername(new Username("survivor")));
      assertThat(survivor).isPresent();
      assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
          .isNotEqualTo(Optional.of(true));
    }
  }

  private static long postmasterPid(Path data) throws Exception {
    return Long.parseLong(
        Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
  }
}
