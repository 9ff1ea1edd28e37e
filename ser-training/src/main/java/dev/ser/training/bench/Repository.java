package dev.ser.training.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The clone this command was built in (for {@code ./ser serve} and {@code ./data}) and the shared
 * golden folder next to it ({@code SER_GOLDEN} overrides it).
 */
public final class Repository {
  private Repository() {}

  public static Path root() {
    try {
      Path jar =
          Path.of(Repository.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // CLONE/ser-training/target/ser-training.jar (or target/classes): three levels up.
      Path clone = jar.toAbsolutePath().getParent().getParent().getParent();
      if (Files.isRegularFile(clone.resolve("ser"))) {
        return clone;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall back to the working directory
    }
    return Path.of("").toAbsolutePath();
  }

  static Path golden() {
    String env = System.getenv("SER_GOLDEN");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return root().resolveSibling("shared").resolve("golden");
  }
}
