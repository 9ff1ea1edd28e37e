package dev.ser.training.bench;

import dev.ser.training.cli.Main;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The options {@code ./ser bench http} and {@code ./ser bench soak} share, parsed from {@code
 * --name value} pairs; an unknown option or a bad value is a usage error naming it.
 */
public final class BenchOptions {
  static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8080");

  private final Map<String, String> values = new TreeMap<>();

  private BenchOptions() {}

  public static BenchOptions parse(String[] args, List<String> allowed) {
    BenchOptions options = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
        throw new Main.UsageException(
            "unknown option '" + name + "'; options: --" + String.join(" --", allowed));
      }
      if (i + 1 == args.length) {
        throw new Main.UsageException(name + " needs a value");
      }
      options.values.put(name.substring(2), args[++i]);
    }
    return options;
  }

  public URI url() {
    String text = values.getOrDefault("url", DEFAULT_URL.toString());
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      if (uri.getPort() < 0) {
        throw new Main.UsageException("--url needs an explicit port, e.g. http://127.0.0.1:8080");
      }
      LoadGenerator.requireLoopback(uri);
      return uri;
    } catch (URISyntaxException e) {
      throw new Main.UsageException("--url is not a URL: " + text);
    }
  }

  public int positive(String name, int fallback, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 1 || value > max) {
        throw new Main.UsageException("--" + name + " must be between 1 and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Main.UsageException("--" + name + " must be a whole number, got '" + text + "'");
    }
  }

  /** A comma-separated list of positive numbers, e.g. {@code 1,8,32}. */
  List<Integer> positives(String name, List<Integer> fallback, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    List<Integer> list = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        int value = Integer.parseInt(part.strip());
        if (value < 1 || value > max) {
          throw new Main.UsageException("--" + name + " values must be between 1 and " + max);
        }
        list.add(value);
      } catch (NumberFormatException e) {
        throw new Main.UsageException(
            "--" + name + " must be numbers separated by commas, got '" + text + "'");
      }
    }
    return List.copyOf(list);
  }

  /** The option's value as given, if given. */
  public Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public Optional<Path> path(String name) {
    return Optional.ofNullable(values.get(name)).map(Path::of);
  }

  /** The clip to send: {@code --audio}, else the golden speech clip next to the clone. */
  byte[] clip() throws java.io.IOException {
    Path clip = path("audio").orElse(Repository.golden().resolve("speech_16k.wav"));
    if (!Files.isRegularFile(clip)) {
      throw new Main.UsageException(clip + " not found; pass --audio FILE");
    }
    return Files.readAllBytes(clip);
  }

  /** Where an already running server keeps its files: --data-dir, SER_DATA_DIR, or ./data. */
  public Path dataDirOfRunningServer() {
    return path("data-dir")
        .or(
            () ->
                Optional.ofNullable(System.getenv("SER_DATA_DIR"))
                    .filter(v -> !v.isBlank())
                    .map(Path::of))
        .orElse(Repository.root().resolve("data"))
        .toAbsolutePath()
        .normalize();
  }
}
