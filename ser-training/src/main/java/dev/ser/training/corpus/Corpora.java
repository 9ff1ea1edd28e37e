package dev.ser.training.corpus;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a corpus from a command-line spec.
 *
 * <ul>
 *   <li>{@code KIND:PATH} with KIND one of {@code ravdess, nemo, cremad, iemocap, manifest}, e.g.
 *       {@code ravdess:../shared/datasets/ravdess};
 *   <li>{@code KIND,OPTION=VALUE:PATH} for options, e.g. {@code ravdess,calm=drop:DIR} (the only
 *       option so far: RAVDESS {@code calm=neutral|drop});
 *   <li>{@code PATH.csv}: a {@link Manifest};
 *   <li>{@code NAME=SPEC}: any of these with its clips named corpus {@code NAME} and its speakers
 *       {@code NAME:id}, e.g. {@code ased=../shared/datasets/ased/manifest.csv}, so that two
 *       manifests are two corpora to the balancing and the per-corpus scores;
 *   <li>a bare directory: the one corpus whose layout it has; an error when it matches none or
 *       several.
 * </ul>
 */
public final class Corpora {
  public static final List<String> KINDS =
      List.of(Ravdess.NAME, Nemo.NAME, CremaD.NAME, Iemocap.NAME, "manifest");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z-]*(,[a-z]+=[^,:]*)*");

  private Corpora() {}

  /** The clips of one spec (see the class comment), in a deterministic order. */
  public static List<Clip> read(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new CorpusException("empty corpus spec; expected KIND:PATH or a .csv manifest");
    }
    int equals = spec.indexOf('=');
    if (equals > 0 && NAME.matcher(spec.substring(0, equals)).matches()) {
      return named(spec.substring(0, equals), read(spec.substring(equals + 1)));
    }
    int colon = spec.indexOf(':');
    if (colon > 0 && PREFIX.matcher(spec.substring(0, colon)).matches()) {
      String[] prefix = spec.substring(0, colon).split(",");
      String kind = prefix[0];
      if (KINDS.contains(kind) || kind.equals("crema-d") || kind.equals("csv")) {
        return read(kind, options(prefix, spec), path(spec.substring(colon + 1), spec));
      }
      if (!Files.exists(path(spec, spec))) {
        throw new CorpusException(
            "unknown corpus kind '" + kind + "' in '" + spec + "'; expected one of " + KINDS);
      }
    }
    Path path = path(spec, spec);
    if (Files.isRegularFile(path) && path.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return Manifest.read(path);
    }
    if (Files.isDirectory(path)) {
      return read(detect(path), Map.of(), path);
    }
    if (!Files.exists(path)) {
      throw new CorpusException(spec + " does not exist");
    }
    throw new CorpusException(
        spec + " is neither a directory nor a .csv manifest; expected KIND:PATH or PATH.csv");
  }

  /**
   * {@code clips} as corpus {@code name}: speaker {@code x:id} or {@code id} becomes {@code
   * name:id}.
   */
  static List<Clip> named(String name, List<Clip> clips) {
    return clips.stream()
        .map(
            c ->
                new Clip(
                    c.audio(),
                    c.emotion(),
                    name + ":" + c.speaker().substring(c.speaker().indexOf(':') + 1),
                    name,
                    c.gender()))
        .toList();
  }

  /** All specs' clips together; the same audio file named twice is an error. */
  public static List<Clip> readAll(Collection<String> specs) {
    List<Clip> clips = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (String spec : specs) {
      for (Clip clip : read(spec)) {
        if (!seen.add(clip.audio().toAbsolutePath().normalize())) {
          throw new CorpusException(
              clip.audio() + " is named twice (by '" + spec + "' and an earlier spec)");
        }
        clips.add(clip);
      }
    }
    return List.copyOf(clips);
  }

  /** The corpus kind whose layout {@code dir} has. */
  static String detect(Path dir) {
    List<String> kinds = new ArrayList<>();
    if (Iemocap.isLayout(dir)) {
      kinds.add(Iemocap.NAME);
    }
    List<Path> audio = CorpusFiles.audioFiles(dir, 2);
    if (Files.isRegularFile(dir.resolve(Nemo.METADATA))
        || audio.stream()
            .filter(f -> dir.equals(f.getParent()))
            .anyMatch(f -> Nemo.isFileName(CorpusFiles.stem(f)))) {
      kinds.add(Nemo.NAME);
    }
    if (audio.stream().anyMatch(f -> Ravdess.isFileName(CorpusFiles.stem(f)))) {
      kinds.add(Ravdess.NAME);
    }
    if (audio.stream().anyMatch(f -> CremaD.isFileName(CorpusFiles.stem(f)))) {
      kinds.add(CremaD.NAME);
    }
    if (kinds.size() == 1) {
      return kinds.get(0);
    }
    throw new CorpusException(
        (kinds.isEmpty()
                ? "cannot tell which corpus " + dir + " holds"
                : dir + " looks like more than one corpus " + kinds)
            + "; name it as KIND:"
            + dir
            + " with KIND one of "
            + KINDS);
  }

  private static List<Clip> read(String kind, Map<String, String> options, Path path) {
    return switch (kind) {
      case "ravdess" -> {
        allowOnly(kind, options, Set.of("calm"));
        yield Ravdess.read(path, Ravdess.Calm.parse(options.getOrDefault("calm", "neutral")));
      }
      case "nemo" -> {
        allowOnly(kind, options, Set.of());
        yield Nemo.read(path);
      }
      case "cremad", "crema-d" -> {
        allowOnly(kind, options, Set.of());
        yield CremaD.read(path);
      }
      case "iemocap" -> {
        allowOnly(kind, options, Set.of());
        yield Iemocap.read(path);
      }
      case "manifest", "csv" -> {
        allowOnly(kind, options, Set.of());
        yield Manifest.read(path);
      }
      default -> throw new CorpusException("unknown corpus kind '" + kind + "'");
    };
  }

  private static Map<String, String> options(String[] prefix, String spec) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < prefix.length; i++) {
      int equals = prefix[i].indexOf('=');
      if (options.put(prefix[i].substring(0, equals), prefix[i].substring(equals + 1)) != null) {
        throw new CorpusException("option " + prefix[i] + " given twice in '" + spec + "'");
      }
    }
    return options;
  }

  private static void allowOnly(String kind, Map<String, String> options, Set<String> allowed) {
    for (String option : options.keySet()) {
      if (!allowed.contains(option)) {
        throw new CorpusException(
            kind
                + " has no option '"
                + option
                + "'"
                + (allowed.isEmpty() ? "" : "; its options: " + allowed));
      }
    }
  }

  private static Path path(String text, String spec) {
    if (text.isBlank()) {
      throw new CorpusException("no path in corpus spec '" + spec + "'");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new CorpusException("invalid path in corpus spec '" + spec + "'", e);
    }
  }
}
