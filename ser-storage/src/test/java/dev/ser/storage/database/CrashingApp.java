package dev.ser.storage.database;

import dev.ser.domain.account.PasswordHash;
import dev.ser.domain.account.Role;
import dev.ser.domain.account.Username;
import dev.ser.storage.account.Users;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An application that opens the embedded database, writes one account and then waits to be killed;
 * {@link CrashRecoveryIT} runs it in a child JVM and kills it with SIGKILL.
 */
public final class CrashingApp {
  private CrashingApp() {}

  public static void main(String[] args) throws InterruptedException {
    Database database = Database.start(DatabaseSettings.embedded(Path.of(args[0])));
    database.execute(
        em ->
            new Users(em)
                .register(
                    new Username("survivor"), new PasswordHash("h"), Role.USER, Instant.now()));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
