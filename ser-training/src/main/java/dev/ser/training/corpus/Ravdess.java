package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAVDESS (Livingstone &amp; Russo 2018), speech part: files named {@code MM-VV-EE-II-SS-RR-AA.ext}
 * (modality, vocal channel, emotion, intensity, statement, repetition, actor) anywhere up to two
 * levels below the directory (the {@code Actor_XX/} layout or flat). Only vocal channel 01 (speech)
 * is read; song (02) is left out. Speaker {@code ravdess:AA}; odd actors are male, even female.
 */
public final class Ravdess {
  public static final String NAME = "ravdess";

  private static final Pattern FILE_NAME =
      Pattern.compile("(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})");

  /** What becomes of the calm clips, which have no counterpart among the six emotions. */
  public enum Calm {
    /** Calm is read as neutral (the default: it doubles the neutral clips, which are fewest). */
    NEUTRAL,
    /** Calm clips are left out. */
    DROP;

    public static Calm parse(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "neutral" -> NEUTRAL;
        case "drop" -> DROP;
        default ->
            throw new CorpusException("ravdess: calm=" + value + " is not one of neutral, drop");
      };
    }
  }

  private Ravdess() {}

  static boolean isFileName(String stem) {
    return FILE_NAME.matcher(stem).matches();
  }

  public static List<Clip> read(Path dir) {
    return read(dir, Calm.NEUTRAL);
  }

  public static List<Clip> read(Path dir, Calm calm) {
    CorpusFiles.requireDirectory(dir, NAME);
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int recognised = 0;
    for (Path file : CorpusFiles.audioFiles(dir, 2)) {
      Matcher name = FILE_NAME.matcher(CorpusFiles.stem(file));
      if (!name.matches() || !name.group(2).equals("01")) {
        continue;
      }
      recognised++;
      String code = name.group(3);
      String actor = name.group(7);
      int actorNumber = Integer.parseInt(actor);
      if (actorNumber < 1) {
        problems.add(file.getFileName() + ": actor " + actor + " is not a RAVDESS actor");
        continue;
      }
      Optional<Emotion> emotion;
      try {
        emotion = emotionOf(code, calm);
      } catch (IllegalArgumentException e) {
        problems.add(file.getFileName() + ": " + e.getMessage());
        continue;
      }
      Gender gender = actorNumber % 2 == 1 ? Gender.MALE : Gender.FEMALE;
      emotion.ifPresent(e -> clips.add(new Clip(file, e, NAME + ":" + actor, NAME, gender)));
    }
    CorpusFiles.failIfAny(problems, "ravdess " + dir);
    if (recognised == 0) {
      throw new CorpusException(
          "ravdess: no speech files named like 03-01-EE-II-SS-RR-AA.wav under " + dir);
    }
    return List.copyOf(clips);
  }

  /**
   * The RAVDESS emotion code mapped to the product's six; empty when the clip is left out.
   * Surprised has no counterpart and is always left out.
   */
  static Optional<Emotion> emotionOf(String code, Calm calm) {
    return switch (code) {
      case "01" -> Optional.of(Emotion.NEUTRAL);
      case "02" -> calm == Calm.NEUTRAL ? Optional.of(Emotion.NEUTRAL) : Optional.empty();
      case "03" -> Optional.of(Emotion.HAPPY);
      case "04" -> Optional.of(Emotion.SAD);
      case "05" -> Optional.of(Emotion.ANGER);
      case "06" -> Optional.of(Emotion.FEAR);
      case "07" -> Optional.of(Emotion.DISGUST);
      case "08" -> Optional.empty();
      default -> throw new IllegalArgumentException("unknown emotion code " + code);
    };
  }
}
