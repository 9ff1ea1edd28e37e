package dev.ser.training.evaluation;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.domain.emotion.Emotion;
import dev.ser.training.codec.RecordingPath;
import dev.ser.training.corpus.Clip;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the answer survives the recording path: every clip, decoded by the product's decoder, is
 * sent along each {@link RecordingPath} (FFmpeg's encoders, then the product's decoder again) and
 * classified, and each path is scored on its own and against the plain 16 kHz WAV. The bar
 * for a path: the same top emotion as the WAV for at least {@value #AGREEMENT_BAR_PERCENT} % of the
 * clips and a UA within {@value #UA_BAR_POINTS} points of the WAV's.
 */
public final class RecordingPathComparison {
  static final int AGREEMENT_BAR_PERCENT = 90;
  static final double UA_BAR_POINTS = 2.0;

  /** Predicts the emotion of audio as the product's decoder delivers it; thread-safe. */
  @FunctionalInterface
  public interface Classifier {
    Emotion classify(DecodedAudio audio) throws Exception;
  }

  private final Map<RecordingPath, EvaluationResult> results;

  private RecordingPathComparison(Map<RecordingPath, EvaluationResult> results) {
    this.results = results;
  }

  /**
   * Classifies every clip along every path, one path after the other.
   *
   * @param progress told the path and the number of its clips done, from the worker threads
   */
  public static RecordingPathComparison run(
      List<Clip> clips,
      Classifier classifier,
      AudioDecoder decoder,
      int threads,
      PathProgress progress)
      throws InterruptedException {
    Map<RecordingPath, EvaluationResult> results = new EnumMap<>(RecordingPath.class);
    for (RecordingPath path : RecordingPath.values()) {
      results.put(
          path,
          Evaluation.run(
              clips,
              audio -> classifier.classify(path.send(decoder.decode(audio).samples(), decoder)),
              threads,
              done -> progress.done(path, done)));
    }
    return new RecordingPathComparison(results);
  }

  /** Progress of {@link #run}: clips done along one path. */
  @FunctionalInterface
  public interface PathProgress {
    void done(RecordingPath path, int clips);
  }

  /** The scores along one path; a clip that failed there is among its skipped ones. */
  public EvaluationResult result(RecordingPath path) {
    return results.get(path);
  }

  /**
   * The share of clips whose top emotion along {@code path} is the one along {@link
   * RecordingPath#WAV_16K}, among the clips classified along both.
   */
  public double agreement(RecordingPath path) {
    Map<Clip, Emotion> wav = new HashMap<>();
    results.get(RecordingPath.WAV_16K).outcomes().forEach(o -> wav.put(o.clip(), o.predicted()));
    int both = 0;
    int same = 0;
    for (Outcome outcome : results.get(path).outcomes()) {
      Emotion baseline = wav.get(outcome.clip());
      if (baseline != null) {
        both++;
        same += baseline == outcome.predicted() ? 1 : 0;
      }
    }
    return both == 0 ? Double.NaN : (double) same / both;
  }

  /** The UA along {@code path} minus the UA along the 16 kHz WAV, in points. */
  public double uaChange(RecordingPath path) {
    return 100
        * (results.get(path).confusion().unweightedAccuracy()
            - results.get(RecordingPath.WAV_16K).confusion().unweightedAccuracy());
  }

  /** Whether {@code path} meets the bar (see the class comment). */
  public boolean meetsBar(RecordingPath path) {
    return 100 * agreement(path) >= AGREEMENT_BAR_PERCENT
        && Math.abs(uaChange(path)) <= UA_BAR_POINTS;
  }

  /**
   * One row per path: clips classified, UA, accuracy, UA change against the 16 kHz WAV (points),
   * the share of clips with the WAV's top emotion, and whether the path meets the bar.
   */
  public String table() {
    int width =
        Math.max(
            "recording path".length(),
            List.of(RecordingPath.values()).stream()
                .mapToInt(p -> p.label().length())
                .max()
                .orElse(0));
    String row = "%-" + width + "s  %5s  %7s  %6s  %8s  %13s  %16s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            row,
            "recording path",
            "clips",
            "skipped",
            "UA",
            "accuracy",
            "UA vs WAV 16k",
            "same top emotion",
            "bar"));
    for (RecordingPath path : RecordingPath.values()) {
      ConfusionMatrix confusion = results.get(path).confusion();
      out.append(
          String.format(
              Locale.ROOT,
              row,
              path.label(),
              confusion.n(),
              results.get(path).skipped().size(),
              percent(confusion.unweightedAccuracy()),
              percent(confusion.accuracy()),
              String.format(Locale.ROOT, "%+.1f", uaChange(path)),
              percent(agreement(path)),
              meetsBar(path) ? "met" : "missed"));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "bar: the same top emotion as WAV 16 kHz for >= %d %% of the clips and a UA within %.0f"
                + " points of it%n",
            AGREEMENT_BAR_PERCENT,
            UA_BAR_POINTS));
    return out.toString();
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }
}
