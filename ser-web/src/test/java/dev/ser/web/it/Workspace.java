package dev.ser.web.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory of its own under {@code target} for a test class that starts its own servers, with
 * its own copy of the WAR: other builds in the same tree may run this class or rebuild {@code
 * target/ser-web.war} meanwhile, and a restart must deploy the same application as the first start.
 */
final class Workspace {
  private Workspace() {}

  /** A new directory {@code target/PREFIX...}. */
  static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix)
        .toAbsolutePath();
  }

  /** The WAR under test, copied into {@code work}. */
  static Path copyWar(Path work) throws IOException {
    return Files.copy(
        Path.of(System.getProperty("ser.war", "target/ser-web.war")), work.resolve("ser-web.war"));
  }

  /**
   * The environment of a server on {@code postgres} keeping its audio under {@code work/data}, with
   * {@code settings} added (other {@code SER_*} values).
   */
  static Map<String, String> environment(
      RestartablePostgres postgres, Path work, String adminPassword, Map<String, String> settings) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("SER_DB_URL", postgres.jdbcUrl());
    environment.put("SER_DB_USER", "postgres");
    environment.put("SER_DB_PASSWORD", "postgres");
    environment.put("SER_DATA_DIR", work.resolve("data").toString());
    environment.put("SER_ADMIN_PASSWORD", adminPassword);
    return environment;
  }

  /** Deletes {@code root} and everything below it, if it exists. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }
}
