package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nEMO (Christop 2024), Polish: audio files named {@code SPK_emotion_N.ext} and {@code data.tsv}
 * (columns {@code file_id, emotion, ..., speaker_id, gender, ...}; {@code file_id} is the original
 * {@code .wav} name, matched to the audio by its name without extension). {@code data.tsv} gives
 * the gender; without it the labels and speakers come from the file names and the gender is
 * unknown. The files lie directly in the directory. Speaker {@code nemo:SPK}. nEMO has no disgust.
 */
public final class Nemo {
  public static final String NAME = "nemo";
  static final String METADATA = "data.tsv";

  private static final Pattern FILE_NAME =
      Pattern.compile("([A-Za-z0-9]+)_(anger|fear|happiness|neutral|sadness|surprised)_(\\d+)");

  private Nemo() {}

  static boolean isFileName(String stem) {
    return FILE_NAME.matcher(stem).matches();
  }

  public static List<Clip> read(Path dir) {
    CorpusFiles.requireDirectory(dir, NAME);
    Map<String, Path> audioByStem = new HashMap<>();
    for (Path file : CorpusFiles.audioFiles(dir, 1)) {
      audioByStem.putIfAbsent(CorpusFiles.stem(file), file);
    }
    Path metadata = dir.resolve(METADATA);
    List<Clip> clips =
        Files.isRegularFile(metadata)
            ? fromMetadata(metadata, audioByStem)
            : fromFileNames(dir, audioByStem);
    if (clips.isEmpty()) {
      throw new CorpusException("nemo: no clips named like SPK_emotion_N.opus under " + dir);
    }
    return clips;
  }

  /**
   * The nEMO label mapped to the product's six; empty when the clip is left out (surprised, which
   * the distributed copy has already removed).
   */
  static Optional<Emotion> emotionOf(String label) {
    return switch (label.trim().toLowerCase(Locale.ROOT)) {
      case "anger" -> Optional.of(Emotion.ANGER);
      case "fear" -> Optional.of(Emotion.FEAR);
      case "happiness" -> Optional.of(Emotion.HAPPY);
      case "neutral" -> Optional.of(Emotion.NEUTRAL);
      case "sadness" -> Optional.of(Emotion.SAD);
      case "surprised", "surprise" -> Optional.empty();
      default -> throw new IllegalArgumentException("unknown nEMO emotion '" + label + "'");
    };
  }

  private static List<Clip> fromMetadata(Path metadata, Map<String, Path> audioByStem) {
    List<String> lines;
    try {
      lines = Files.readAllLines(metadata, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CorpusException("nemo: cannot read " + metadata + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new CorpusException("nemo: " + metadata + " is empty");
    }
    List<String> header =
        Arrays.stream(lines.get(0).replace("\uFEFF", "").split("\t", -1))
            .map(String::trim)
            .toList();
    int fileColumn = column(header, "file_id", metadata);
    int emotionColumn = column(header, "emotion", metadata);
    int speakerColumn = column(header, "speaker_id", metadata);
    int genderColumn = header.indexOf("gender");
    int needed = Math.max(fileColumn, Math.max(emotionColumn, speakerColumn)) + 1;
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] row = lines.get(i).split("\t", -1);
      String where = "line " + (i + 1);
      if (row.length < needed) {
        problems.add(where + ": " + row.length + " columns, expected at least " + needed);
        continue;
      }
      String stem = CorpusFiles.stem(Path.of(row[fileColumn].trim()));
      Path audio = audioByStem.get(stem);
      if (audio == null) {
        problems.add(where + ": no audio file for " + row[fileColumn].trim());
        continue;
      }
      String speaker = row[speakerColumn].trim();
      Gender gender =
          genderColumn >= 0 && genderColumn < row.length
              ? Gender.parse(row[genderColumn])
              : Gender.UNKNOWN;
      try {
        emotionOf(row[emotionColumn])
            .ifPresent(e -> clips.add(new Clip(audio, e, NAME + ":" + speaker, NAME, gender)));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    CorpusFiles.failIfAny(problems, "nemo " + metadata);
    return List.copyOf(clips);
  }

  private static List<Clip> fromFileNames(Path dir, Map<String, Path> audioByStem) {
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    audioByStem.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .forEach(
            entry -> {
              Matcher name = FILE_NAME.matcher(entry.getKey());
              if (!name.matches()) {
                return;
              }
              try {
                emotionOf(name.group(2))
                    .ifPresent(
                        e ->
                            clips.add(
                                new Clip(entry.getValue(), e, NAME + ":" + name.group(1), NAME)));
              } catch (IllegalArgumentException e) {
                problems.add(entry.getValue().getFileName() + ": " + e.getMessage());
              }
            });
    CorpusFiles.failIfAny(problems, "nemo " + dir);
    return List.copyOf(clips);
  }

  private static int column(List<String> header, String name, Path metadata) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new CorpusException("nemo: " + metadata + " has no '" + name + "' column");
    }
    return index;
  }
}
