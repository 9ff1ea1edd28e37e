package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CREMA-D (Cao et al. 2014): files named {@code AAAA_SSS_EEE_LL.wav} (actor, sentence, emotion,
 * level), e.g. {@code 1001_DFA_ANG_XX.wav}, up to two levels below the directory (the {@code
 * AudioWAV/} layout or flat). Speaker {@code cremad:AAAA}. When {@code VideoDemographics.csv}
 * ({@code ActorID,Age,Sex,...}) is found next to the audio, it gives the gender.
 */
public final class CremaD {
  public static final String NAME = "cremad";
  static final String DEMOGRAPHICS = "VideoDemographics.csv";

  private static final Pattern FILE_NAME =
      Pattern.compile("(\\d{4})_([A-Z0-9]{3})_([A-Z]{3})_([A-Z]{1,2})");

  private CremaD() {}

  static boolean isFileName(String stem) {
    return FILE_NAME.matcher(stem).matches();
  }

  public static List<Clip> read(Path dir) {
    CorpusFiles.requireDirectory(dir, NAME);
    Map<String, Gender> genders = genders(dir);
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path file : CorpusFiles.audioFiles(dir, 2)) {
      Matcher name = FILE_NAME.matcher(CorpusFiles.stem(file));
      if (!name.matches()) {
        continue;
      }
      String actor = name.group(1);
      Gender gender = genders.getOrDefault(actor, Gender.UNKNOWN);
      try {
        emotionOf(name.group(3))
            .ifPresent(e -> clips.add(new Clip(file, e, NAME + ":" + actor, NAME, gender)));
      } catch (IllegalArgumentException e) {
        problems.add(file.getFileName() + ": " + e.getMessage());
      }
    }
    CorpusFiles.failIfAny(problems, "cremad " + dir);
    if (clips.isEmpty()) {
      throw new CorpusException("cremad: no files named like 1001_DFA_ANG_XX.wav under " + dir);
    }
    return List.copyOf(clips);
  }

  /** CREMA-D's six codes are the product's six emotions, one to one. */
  static Optional<Emotion> emotionOf(String code) {
    return switch (code) {
      case "ANG" -> Optional.of(Emotion.ANGER);
      case "DIS" -> Optional.of(Emotion.DISGUST);
      case "FEA" -> Optional.of(Emotion.FEAR);
      case "HAP" -> Optional.of(Emotion.HAPPY);
      case "NEU" -> Optional.of(Emotion.NEUTRAL);
      case "SAD" -> Optional.of(Emotion.SAD);
      default -> throw new IllegalArgumentException("unknown CREMA-D emotion code " + code);
    };
  }

  private static Map<String, Gender> genders(Path dir) {
    Map<String, Gender> genders = new HashMap<>();
    Optional<Path> demographics;
    try (Stream<Path> paths = Files.walk(dir, 2)) {
      demographics =
          paths.filter(p -> p.getFileName().toString().equals(DEMOGRAPHICS)).sorted().findFirst();
    } catch (IOException e) {
      throw new CorpusException("cremad: cannot list " + dir + ": " + e.getMessage(), e);
    }
    if (demographics.isEmpty()) {
      return genders;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(demographics.get(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CorpusException("cremad: cannot read " + demographics.get(), e);
    }
    if (lines.isEmpty()) {
      return genders;
    }
    List<String> header = Manifest.fields(lines.get(0).replace("\uFEFF", ""));
    int actorColumn = indexOf(header, "ActorID");
    int sexColumn = indexOf(header, "Sex");
    if (actorColumn < 0 || sexColumn < 0) {
      throw new CorpusException(
          "cremad: " + demographics.get() + " has no ActorID and Sex columns");
    }
    for (int i = 1; i < lines.size(); i++) {
      List<String> row;
      try {
        row = Manifest.fields(lines.get(i));
      } catch (IllegalArgumentException e) {
        throw new CorpusException(
            "cremad: " + demographics.get() + " line " + (i + 1) + ": " + e.getMessage());
      }
      if (row.size() > Math.max(actorColumn, sexColumn)) {
        genders.put(row.get(actorColumn).trim(), Gender.parse(row.get(sexColumn)));
      }
    }
    return genders;
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
