package dev.ser.web.analysis;

import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import dev.ser.domain.recording.AnalysedRecording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One analysed recording as its pages draw it: the verdict in words, the six bars, the speech
 * stretches, each channel and the timeline. Shared by the owner's result page and a shared link's
 * page, which show the same analysis.
 */
public final class ResultView {
  private final AnalysedRecording analysis;

  public ResultView(AnalysedRecording analysis) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
  }

  /** One bar of the six. */
  public record Score(Emotion emotion, long percent) {}

  /**
   * One stretch of speech as a line of text, e.g. "0:04–0:12", anger, 71 %, and where it starts (a
   * click there plays it).
   */
  public record SpeechRow(String span, Emotion emotion, long percent, double start) {}

  public AnalysedRecording getAnalysis() {
    return analysis;
  }

  /** The prediction, shortened for the pages' expressions. */
  public Prediction getPrediction() {
    return analysis.prediction();
  }

  public EmotionLook getLook() {
    return EmotionLook.of(analysis.prediction().emotion());
  }

  /** The verdict: stated as fact when the model is sure, as a guess below 50 %. */
  public String getHeadline() {
    return headline(analysis.prediction());
  }

  /** The second emotion when it is within {@link #CLOSE_POINTS} of the first, else empty. */
  public String getRunnerUp() {
    return runnerUp(analysis.prediction());
  }

  /** Points of probability within which the runner-up is worth naming. */
  static final double CLOSE_POINTS = 10;

  static String headline(Prediction prediction) {
    EmotionLook look = EmotionLook.of(prediction.emotion());
    if (!prediction.isLowConfidence()) {
      return look.getHeadline();
    }
    // Rounded down: a guess at 49.96 % must not read "unsure: 50 %".
    return String.format(
        Locale.ROOT,
        "Possibly %s, unsure: %d %%",
        look.getAdjective(),
        (long) Math.floor(100 * prediction.confidence()));
  }

  static String runnerUp(Prediction prediction) {
    Emotion top = prediction.emotion();
    Emotion second = null;
    for (Emotion emotion : Emotion.values()) {
      if (emotion != top
          && (second == null || prediction.scores().of(emotion) > prediction.scores().of(second))) {
        second = emotion;
      }
    }
    double gap = 100 * (prediction.confidence() - prediction.scores().of(second));
    if (gap > CLOSE_POINTS) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "Close behind: %s, %d %%.",
        EmotionLook.of(second).getAdjective(),
        Math.round(100 * prediction.scores().of(second)));
  }

  public List<Score> getScores() {
    return Arrays.stream(Emotion.values())
        .map(e -> new Score(e, Math.round(100 * analysis.prediction().scores().of(e))))
        .toList();
  }

  /**
   * One channel of a call analysed on its own: its heading ("Channel 1 (left)"), its emotion and
   * percentage (none without speech) and its speech rows.
   */
  public record ChannelRows(
      String heading, Emotion emotion, long percent, List<SpeechRow> speech) {}

  /**
   * The seconds the pictures span: the whole recording, or its first {@link #getPictureSeconds}.
   */
  public double getPictureSpan() {
    return Math.min(analysis.prediction().durationSeconds(), Pipeline.PICTURE_SECONDS);
  }

  /** How much of a recording its waveform and spectrogram show, seconds. */
  public int getPictureSeconds() {
    return Pipeline.PICTURE_SECONDS;
  }

  /** The speech segments in time order, with the pauses between them left out. */
  public List<SpeechRow> getSpeech() {
    return rows(analysis.prediction().segments());
  }

  /** With channels analysed separately, one entry per channel; else empty. */
  public List<ChannelRows> getChannels() {
    return analysis.prediction().channels().stream()
        .map(
            c ->
                new ChannelRows(
                    "Channel " + (c.channel() + 1) + side(c.channel(), analysis),
                    c.scores().map(s -> s.top()).orElse(null),
                    c.scores().map(s -> Math.round(100 * s.of(s.top()))).orElse(0L),
                    rows(c.segments())))
        .toList();
  }

  private static String side(int channel, AnalysedRecording analysis) {
    if (analysis.prediction().channels().size() != 2) {
      return "";
    }
    return channel == 0 ? " (left)" : " (right)";
  }

  /**
   * One run of the timeline: consecutive windows that heard the same emotion, placed on the
   * recording's time axis (from the first window's start to the next run's), so overlapping windows
   * are not drawn end to end and a long recording is a few runs, not a barcode.
   *
   * @param start where a click seeks the player, seconds
   * @param left its position, percent of the recording
   * @param width its width, percent of the recording
   */
  public record TimelineRun(
      double start, double left, double width, Emotion emotion, long percent, String label) {}

  /** A tick of the timeline's time axis: its position in percent and its m:ss. */
  public record Tick(double left, String label) {}

  /** The timeline as runs of one emotion each. */
  public List<TimelineRun> getTimeline() {
    List<TimelineSegment> windows = analysis.prediction().timeline();
    double duration = analysis.prediction().durationSeconds();
    List<TimelineRun> runs = new ArrayList<>();
    int first = 0;
    while (first < windows.size()) {
      Emotion emotion = windows.get(first).emotion();
      int end = first;
      double sum = 0;
      while (end < windows.size() && windows.get(end).emotion() == emotion) {
        sum += windows.get(end).scores().of(emotion);
        end++;
      }
      double start = windows.get(first).startSeconds();
      double stop = end < windows.size() ? windows.get(end).startSeconds() : duration;
      long percent = Math.round(100 * sum / (end - first));
      String heard = clock(start) + "–" + clock(windows.get(end - 1).endSeconds());
      runs.add(
          new TimelineRun(
              start,
              100 * start / duration,
              100 * Math.max(0, stop - start) / duration,
              emotion,
              percent,
              heard + ": " + emotion.label() + ", " + percent + " %"));
      first = end;
    }
    return runs;
  }

  /** Five ticks under the timeline: the start, each quarter and the end. */
  public List<Tick> getAxis() {
    double duration = analysis.prediction().durationSeconds();
    List<Tick> ticks = new ArrayList<>();
    for (int quarter = 0; quarter <= 4; quarter++) {
      ticks.add(new Tick(25.0 * quarter, clock(duration * quarter / 4)));
    }
    return ticks;
  }

  /** A stretch's time as the player shows it, e.g. "0:04–0:12". */
  public String span(TimelineSegment segment) {
    return clock(segment.startSeconds()) + "–" + clock(segment.endSeconds());
  }

  private List<SpeechRow> rows(List<TimelineSegment> segments) {
    return segments.stream()
        .map(
            s ->
                new SpeechRow(
                    span(s),
                    s.emotion(),
                    Math.round(100 * s.scores().of(s.emotion())),
                    s.startSeconds()))
        .toList();
  }

  /** Seconds as m:ss, the way a player shows them (whole seconds passed: 4.85 s is 0:04). */
  static String clock(double seconds) {
    long whole = (long) Math.floor(seconds + 1e-6);
    return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
  }
}
