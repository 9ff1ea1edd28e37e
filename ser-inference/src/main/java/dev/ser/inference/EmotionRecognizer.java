package dev.ser.inference;

import dev.ser.audio.AudioException;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.speech.SpeechActivity;
import dev.ser.audio.speech.SpeechDetector;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import java.util.List;

/**
 * Says which emotion a recording carries. The speech detector finds the stretches of speech
 * (refusing a recording with too little); the model reads the recording in 3 s windows (every 1 s
 * when longer), as it was trained on whole clips; each stretch's scores are the mean of the
 * windows' weighted by how much of the stretch each covers, and the clip's scores are the mean of
 * the stretches' weighted by their length, so pauses and non-speech sounds count for nothing. Every
 * window's scores form the timeline when there is more than one. A recording is read a block at a
 * time ({@link StreamRecognition}), so an hour costs no more memory than a minute. Thread-safe: the
 * detector, the extractor and the model are.
 */
public final class EmotionRecognizer {
  /** Least speech a recording must hold, seconds, unless configured otherwise. */
  public static final double MIN_SPEECH_SECONDS = 0.5;

  /**
   * A pause at least this long splits two segments; a shorter one (a breath, a comma) stays inside
   * a segment. Half a second split synthetic sentences at their commas.
   */
  static final double MIN_PAUSE_SECONDS = 1.0;

  /** Segments longer than this are cut into equal parts, so a long monologue shows its course. */
  static final double MAX_SEGMENT_SECONDS = 10;

  private final EmotionModel model;
  private final FeatureExtractor extractor;
  private final SpeechDetector detector = new SpeechDetector();
  private final double minSpeechSeconds;

  /** With an extractor of the spec the model was trained with. */
  public EmotionRecognizer(EmotionModel model) {
    this(model, new FeatureExtractor(model.card().featureSpec()), MIN_SPEECH_SECONDS);
  }

  /** Refusing recordings with less than {@link #MIN_SPEECH_SECONDS} of speech. */
  public EmotionRecognizer(EmotionModel model, FeatureExtractor extractor) {
    this(model, extractor, MIN_SPEECH_SECONDS);
  }

  /**
   * @param minSpeechSeconds recordings with less speech are refused ({@code no_speech})
   * @throws ModelException {@code model_spec_mismatch} when the extractor's spec is not the one the
   *     model was trained with
   */
  public EmotionRecognizer(
      EmotionModel model, FeatureExtractor extractor, double minSpeechSeconds) {
    if (!model.card().featureSpec().equals(extractor.spec())) {
      throw new ModelException(
          "model_spec_mismatch",
          "the model was trained on features "
              + model.card().featureSpec()
              + " but the extractor makes "
              + extractor.spec());
    }
    if (!(minSpeechSeconds >= 0)) {
      throw new IllegalArgumentException("minSpeechSeconds must be >= 0");
    }
    this.model = model;
    this.extractor = extractor;
    this.minSpeechSeconds = minSpeechSeconds;
  }

  public String modelVersion() {
    return model.version();
  }

  /**
   * @throws AudioException {@code audio_too_short} below {@link ModelFrames#MIN_FRAMES} frames (0.5
   *     s), {@code no_speech} with less than the minimum of speech, or for audio at another sample
   *     rate than the model's
   */
  public Prediction recognize(DecodedAudio audio) {
    int rate = spec().sampleRate();
    if (audio.sampleRate() != rate) {
      throw new AudioException(
          "unsupported_sample_rate",
          "the model needs audio at " + rate + " Hz, not " + audio.sampleRate() + " Hz");
    }
    StreamRecognition recognition = start();
    recognition.accept(audio.samples(), audio.samples().length);
    return recognition.finish();
  }

  /**
   * A recognition fed a chunk at a time, for recordings too long to hold whole (see {@link
   * StreamRecognition}); samples at the model's rate.
   */
  public StreamRecognition start() {
    return new StreamRecognition(this);
  }

  /**
   * A live reading of a stream: a score of its last 3 s after every second (see {@link
   * LiveRecognition}); samples at the model's rate.
   */
  public LiveRecognition startLive() {
    return new LiveRecognition(this);
  }

  /**
   * A recognition of a whole recording as a decoder streams it, mixed or one channel at a time:
   * pass it to {@link dev.ser.audio.decode.AudioDecoder#stream} as the sink.
   */
  public RecordingRecognition startRecording() {
    return new RecordingRecognition(this);
  }

  FeatureSpec spec() {
    return extractor.spec();
  }

  EmotionModel model() {
    return model;
  }

  FeatureExtractor extractor() {
    return extractor;
  }

  SpeechDetector detector() {
    return detector;
  }

  double minSpeechSeconds() {
    return minSpeechSeconds;
  }

  /**
   * The recording's prediction from its speech and its windows' scores: each stretch of speech
   * scored by the windows over it, the clip by its stretches weighted by their length.
   */
  Prediction prediction(
      SpeechActivity activity, List<TimelineSegment> timeline, double durationSeconds) {
    List<SpeechActivity.Stretch> stretches =
        activity.stretches(MIN_PAUSE_SECONDS, MAX_SEGMENT_SECONDS);
    if (stretches.isEmpty()) {
      // Only with a minimum of 0 s: the whole recording is one segment.
      stretches = List.of(new SpeechActivity.Stretch(0, durationSeconds));
    }
    List<TimelineSegment> segments =
        stretches.stream().map(stretch -> segment(stretch, timeline)).toList();
    return new Prediction(
        TimelineSegment.lengthWeighted(segments),
        model.version(),
        durationSeconds,
        timeline.size() > 1 ? List.copyOf(timeline) : List.of(),
        segments);
  }

  /**
   * A stretch's scores: the windows' weighted by how many seconds of the stretch each covers (the
   * nearest window's, for a stretch no window covers).
   */
  private static TimelineSegment segment(
      SpeechActivity.Stretch stretch, List<TimelineSegment> windows) {
    double[] sum = new double[Emotion.count()];
    TimelineSegment nearest = windows.get(0);
    double weights = 0;
    for (TimelineSegment window : windows) {
      double overlap =
          Math.min(window.endSeconds(), stretch.endSeconds())
              - Math.max(window.startSeconds(), stretch.startSeconds());
      if (overlap > 0) {
        weights += overlap;
        for (int c = 0; c < sum.length; c++) {
          sum[c] += overlap * window.scores().probabilities()[c];
        }
      }
      if (distance(window, stretch) < distance(nearest, stretch)) {
        nearest = window;
      }
    }
    return new TimelineSegment(
        stretch.startSeconds(),
        stretch.endSeconds(),
        weights > 0 ? EmotionScores.normalised(sum) : nearest.scores());
  }

  private static double distance(TimelineSegment window, SpeechActivity.Stretch stretch) {
    return Math.abs(
        (window.startSeconds() + window.endSeconds()) / 2
            - (stretch.startSeconds() + stretch.endSeconds()) / 2);
  }

  /** One window's softmax as scores, renormalised in double precision. */
  static EmotionScores scores(float[] softmax) {
    double[] weights = new double[softmax.length];
    for (int c = 0; c < softmax.length; c++) {
      if (!Float.isFinite(softmax[c]) || softmax[c] < 0) {
        throw new ModelException(
            "model_output_invalid", "the model produced an invalid probability " + softmax[c]);
      }
      weights[c] = softmax[c];
    }
    return EmotionScores.normalised(weights);
  }
}
