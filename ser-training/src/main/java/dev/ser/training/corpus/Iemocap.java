package dev.ser.training.corpus;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IEMOCAP (Busso et al. 2008) in its release layout: {@code Session*}{@code
 * /dialog/EmoEvaluation/*.txt} holds one line per utterance, {@code [6.2901 - 8.2357]<TAB>
 * Ses01F_impro01_F000<TAB>neu<TAB>[2.5000, 2.5000, 2.5000]}, and the audio is at {@code
 * Session*}{@code /sentences/wav/<dialog>/<utterance>.wav}. The directory may be the release root
 * (holding {@code Session1}…{@code Session5}) or one session.
 *
 * <p>Each session has one female and one male actor. The utterance id names its speaker by the
 * letter before its number ({@code Ses01F_impro01_M013}: the male actor of session 01; the {@code
 * F} after the session number only says who wore the motion-capture markers), so the speaker is
 * {@code iemocap:Ses01M} and that letter is the gender.
 */
public final class Iemocap {
  public static final String NAME = "iemocap";

  private static final Pattern EVALUATION_LINE =
      Pattern.compile(
          "^\\[\\s*[\\d.]+\\s*-\\s*[\\d.]+\\s*\\]\\s+(\\S+)\\s+(\\S+)\\s+\\[.*\\]\\s*$");
  private static final Pattern UTTERANCE = Pattern.compile("(Ses\\d{2})[FM]_(.+)_([FM])\\d+");

  private Iemocap() {}

  public static List<Clip> read(Path dir) {
    CorpusFiles.requireDirectory(dir, NAME);
    List<Path> sessions = sessions(dir);
    if (sessions.isEmpty()) {
      throw new CorpusException("iemocap: no Session*/dialog/EmoEvaluation directory under " + dir);
    }
    List<Clip> clips = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path session : sessions) {
      for (Path evaluation : evaluationFiles(session)) {
        readEvaluation(session, evaluation, clips, problems);
      }
    }
    CorpusFiles.failIfAny(problems, "iemocap " + dir);
    if (clips.isEmpty()) {
      throw new CorpusException("iemocap: no labelled utterances under " + dir);
    }
    return List.copyOf(clips);
  }

  /**
   * The IEMOCAP consensus label mapped to the product's six; empty when the utterance is left out.
   * Excited joins happy, as is usual in the literature (the 4-class "ang, hap+exc, neu, sad" set);
   * frustrated, surprised, other and no-agreement ({@code xxx}) have no counterpart.
   */
  static Optional<Emotion> emotionOf(String code) {
    return switch (code) {
      case "ang" -> Optional.of(Emotion.ANGER);
      case "dis" -> Optional.of(Emotion.DISGUST);
      case "fea" -> Optional.of(Emotion.FEAR);
      case "hap", "exc" -> Optional.of(Emotion.HAPPY);
      case "neu" -> Optional.of(Emotion.NEUTRAL);
      case "sad" -> Optional.of(Emotion.SAD);
      case "fru", "sur", "oth", "xxx" -> Optional.empty();
      default -> throw new IllegalArgumentException("unknown IEMOCAP label '" + code + "'");
    };
  }

  private static void readEvaluation(
      Path session, Path evaluation, List<Clip> clips, List<String> problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(evaluation, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new CorpusException("iemocap: cannot read " + evaluation + ": " + e.getMessage(), e);
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher line = EVALUATION_LINE.matcher(lines.get(i));
      if (!line.matches()) {
        continue;
      }
      String where = evaluation.getFileName() + " line " + (i + 1);
      String utterance = line.group(1);
      Matcher id = UTTERANCE.matcher(utterance);
      if (!id.matches()) {
        problems.add(where + ": utterance id " + utterance + " is not like Ses01F_impro01_M013");
        continue;
      }
      Optional<Emotion> emotion;
      try {
        emotion = emotionOf(line.group(2));
      } catch (IllegalArgumentException e) {
        problems.add(where + ": " + e.getMessage());
        continue;
      }
      if (emotion.isEmpty()) {
        continue;
      }
      String dialog = utterance.substring(0, utterance.lastIndexOf('_'));
      Path audio = session.resolve("sentences/wav").resolve(dialog).resolve(utterance + ".wav");
      if (!Files.isRegularFile(audio)) {
        problems.add(where + ": no audio at " + session.relativize(audio));
        continue;
      }
      String speaker = NAME + ":" + id.group(1) + id.group(3);
      Gender gender = Gender.parse(id.group(3));
      clips.add(new Clip(audio, emotion.get(), speaker, NAME, gender));
    }
  }

  static boolean isLayout(Path dir) {
    return !sessions(dir).isEmpty();
  }

  private static List<Path> sessions(Path dir) {
    if (Files.isDirectory(dir.resolve("dialog/EmoEvaluation"))) {
      return List.of(dir);
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("Session"))
          .filter(p -> Files.isDirectory(p.resolve("dialog/EmoEvaluation")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CorpusException("iemocap: cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> evaluationFiles(Path session) {
    try (Stream<Path> files = Files.list(session.resolve("dialog/EmoEvaluation"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CorpusException("iemocap: cannot list " + session + ": " + e.getMessage(), e);
    }
  }
}
