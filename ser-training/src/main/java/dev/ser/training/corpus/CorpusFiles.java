package dev.ser.training.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** File-system walking shared by the importers: sorted, so every import is deterministic. */
final class CorpusFiles {
  private static final Set<String> AUDIO_EXTENSIONS =
      Set.of("wav", "flac", "opus", "ogg", "mp3", "m4a", "webm", "aac");

  private CorpusFiles() {}

  static Path requireDirectory(Path dir, String corpus) {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException(
          corpus + ": " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    return dir;
  }

  /** Audio files under {@code dir} (up to {@code maxDepth} levels), in path order. */
  static List<Path> audioFiles(Path dir, int maxDepth) {
    try (Stream<Path> paths = Files.walk(dir, maxDepth)) {
      return paths.filter(Files::isRegularFile).filter(CorpusFiles::isAudio).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new CorpusException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  static boolean isAudio(Path file) {
    return AUDIO_EXTENSIONS.contains(extension(file));
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Fails with every problem listed (the first 20) rather than the first one only. */
  static void failIfAny(List<String> problems, String what) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(what).append(": ").append(problems.size());
    message.append(problems.size() == 1 ? " problem: " : " problems: ");
    message.append(String.join("; ", problems.subList(0, Math.min(20, problems.size()))));
    if (problems.size() > 20) {
      message.append("; (and ").append(problems.size() - 20).append(" more)");
    }
    throw new CorpusException(message.toString());
  }
}
