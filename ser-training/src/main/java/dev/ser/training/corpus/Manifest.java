package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CSV manifest: one clip per row, {@code path,emotion[,speaker]}.
 *
 * <ul>
 *   <li>UTF-8, comma-separated; a field may be double-quoted (RFC 4180, {@code ""} inside quotes is
 *       one quote) so paths with commas work. Blank lines and lines starting with {@code #} are
 *       skipped.
 *   <li>The header row is optional: the first row is a header when its first two fields are {@code
 *       path} and {@code emotion}.
 *   <li>{@code path} is relative to the manifest's directory (or absolute). It is not opened here:
 *       evaluation reports and skips files it cannot decode.
 *   <li>{@code emotion} is one of {@code anger, disgust, fear, happy, neutral, sad} (any case), or
 *       a common spelling of one ({@link #emotionOf(String)}).
 *   <li>{@code speaker} written as {@code corpus:id} (e.g. {@code ravdess:17}) is kept and names
 *       the clip's corpus; a bare id is prefixed with the manifest's file name without extension
 *       ({@code holdout.csv}, speaker {@code 7} → {@code holdout:7}). Without a speaker every row
 *       belongs to one speaker, {@code holdout:unknown}, so a speaker split cannot divide it.
 * </ul>
 *
 * Every bad row is reported with its line number in one {@link CorpusException}.
 */
public final class Manifest {
  private Manifest() {}

  public static List<Clip> read(Path csv) {
    if (!Files.isRegularFile(csv)) {
      throw new CorpusException(
          "manifest " + csv + (Files.exists(csv) ? " is not a file" : " does not exist"));
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new CorpusException("manifest " + csv + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new CorpusException("cannot read manifest " + csv + ": " + e.getMessage(), e);
    }
    Path base = csv.toAbsolutePath().getParent();
    String defaultCorpus = CorpusFiles.stem(csv).toLowerCase(Locale.ROOT);
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Columns columns = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int lineNumber = i + 1;
      try {
        List<String> fields = fields(line);
        if (columns == null) {
          Optional<Columns> header = Columns.ofHeader(fields);
          columns = header.orElse(Columns.POSITIONAL);
          if (header.isPresent()) {
            continue;
          }
        }
        clips.add(
            clip(
                columns.path(fields),
                columns.emotion(fields),
                columns.speaker(fields),
                base,
                defaultCorpus));
      } catch (IllegalArgumentException e) {
        problems.add("line " + lineNumber + ": " + e.getMessage());
      }
    }
    CorpusFiles.failIfAny(problems, "manifest " + csv);
    if (clips.isEmpty()) {
      throw new CorpusException("manifest " + csv + " has no rows");
    }
    return List.copyOf(clips);
  }

  /**
   * Where the fields are: {@code path,emotion[,speaker]} in that order, or by name when the first
   * row is a header.
   *
   * @param speaker the speaker column, or -1 when there is none
   * @param named whether a header named the columns (then extra columns are allowed)
   */
  private record Columns(int path, int emotion, int speaker, boolean named) {
    static final Columns POSITIONAL = new Columns(0, 1, 2, false);

    /** The columns a header row names; empty when {@code fields} is not a header. */
    static Optional<Columns> ofHeader(List<String> fields) {
      List<String> names = fields.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
      int path = firstOf(names, "path", "file");
      int emotion = firstOf(names, "emotion", "label");
      if (path < 0 || emotion < 0) {
        return Optional.empty();
      }
      return Optional.of(new Columns(path, emotion, firstOf(names, "speaker", "speaker_id"), true));
    }

    private static int firstOf(List<String> names, String name, String alias) {
      int index = names.indexOf(name);
      return index >= 0 ? index : names.indexOf(alias);
    }

    String path(List<String> fields) {
      requireWidth(fields);
      return fields.get(path).trim();
    }

    String emotion(List<String> fields) {
      return fields.get(emotion);
    }

    String speaker(List<String> fields) {
      return speaker >= 0 && speaker < fields.size() ? fields.get(speaker).trim() : "";
    }

    private void requireWidth(List<String> fields) {
      if (!named && (fields.size() < 2 || fields.size() > 3)) {
        throw new IllegalArgumentException(
            "expected path,emotion[,speaker] but found " + fields.size() + " field(s)");
      }
      if (named && fields.size() <= Math.max(path, emotion)) {
        throw new IllegalArgumentException(
            "expected at least " + (Math.max(path, emotion) + 1) + " fields as the header says");
      }
    }
  }

  private static Clip clip(
      String path, String emotionLabel, String speaker, Path base, String defaultCorpus) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    Emotion emotion = emotionOf(emotionLabel);
    String corpus = defaultCorpus;
    if (speaker.isEmpty()) {
      speaker = defaultCorpus + ":unknown";
    } else if (speaker.indexOf(':') > 0 && speaker.indexOf(':') < speaker.length() - 1) {
      corpus = speaker.substring(0, speaker.indexOf(':'));
    } else {
      speaker = defaultCorpus + ":" + speaker;
    }
    Path audio;
    try {
      audio = base.resolve(path).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("invalid path '" + path + "'");
    }
    return new Clip(audio, emotion, speaker, corpus);
  }

  /**
   * One of the six labels (any case), or a common spelling of one: the adjectives RAVDESS uses
   * ({@code angry, fearful, disgusted}), nEMO's nouns ({@code happiness, sadness}) and CREMA-D's
   * codes ({@code ANG, DIS, FEA, HAP, NEU}). Nothing else is guessed: {@code calm} or {@code
   * surprised} is an error, since their mapping is a training decision.
   */
  static Emotion emotionOf(String label) {
    return switch (label.trim().toLowerCase(Locale.ROOT)) {
      case "angry", "ang" -> Emotion.ANGER;
      case "disgusted", "dis" -> Emotion.DISGUST;
      case "fearful", "fea" -> Emotion.FEAR;
      case "happiness", "hap" -> Emotion.HAPPY;
      case "neu" -> Emotion.NEUTRAL;
      case "sadness" -> Emotion.SAD;
      default -> Emotion.fromLabel(label);
    };
  }

  /** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (wasQuoted && !Character.isWhitespace(c)) {
        throw new IllegalArgumentException("text after a closing quote");
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote");
    }
    fields.add(field.toString());
    return fields;
  }
}
