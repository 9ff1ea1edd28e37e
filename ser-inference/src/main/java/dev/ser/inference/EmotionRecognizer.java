package dev.ser.inference;

import dev.ser.audio.AudioException;
import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.emotion.EmotionScores;
import dev.ser.domain.emotion.Prediction;
import dev.ser.domain.emotion.TimelineSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Says which emotion a recording carries: features, then the model on 3 s windows (every 1 s on
 * longer audio), then the mean of the window probabilities as the clip's scores. Every window's
 * scores form the timeline when there is more than one. Thread-safe: the extractor and the model
 * are.
 */
public final class EmotionRecognizer {
  private final EmotionModel model;
  private final FeatureExtractor extractor;

  /** With an extractor of the spec the model was trained with. */
  public EmotionRecognizer(EmotionModel model) {
    this(model, new FeatureExtractor(model.card().featureSpec()));
  }

  /**
   * @throws ModelException {@code model_spec_mismatch} when the extractor's spec is not the one the
   *     model was trained with
   */
  public EmotionRecognizer(EmotionModel model, FeatureExtractor extractor) {
    if (!model.card().featureSpec().equals(extractor.spec())) {
      throw new ModelException(
          "model_spec_mismatch",
          "the model was trained on features "
              + model.card().featureSpec()
              + " but the extractor makes "
              + extractor.spec());
    }
    this.model = model;
    this.extractor = extractor;
  }

  public String modelVersion() {
    return model.version();
  }

  /**
   * @throws AudioException {@code audio_too_short} below {@link ModelFrames#MIN_FRAMES} frames (0.5
   *     s), or for audio at another sample rate than the model's
   */
  public Prediction recognize(DecodedAudio audio) {
    int rate = model.card().featureSpec().sampleRate();
    if (audio.sampleRate() != rate) {
      throw new AudioException(
          "unsupported_sample_rate",
          "the model needs audio at " + rate + " Hz, not " + audio.sampleRate() + " Hz");
    }
    audio.requireSound();
    double minimum = (double) ModelFrames.MIN_FRAMES * model.card().featureSpec().frameSeconds();
    if (audio.durationSeconds() < minimum) {
      throw new AudioTooShortException(audio.durationSeconds(), minimum);
    }
    ModelFrames frames = ModelFrames.of(extractor.extract(audio.samples()));
    List<InputWindow> windows = frames.windows();
    float[][] probabilities = model.probabilities(windows);

    double frameSeconds = model.card().featureSpec().frameSeconds();
    double[] sum = new double[Emotion.count()];
    List<TimelineSegment> timeline = new ArrayList<>();
    for (int w = 0; w < windows.size(); w++) {
      EmotionScores scores = scores(probabilities[w]);
      for (int c = 0; c < sum.length; c++) {
        sum[c] += scores.probabilities()[c];
      }
      InputWindow window = windows.get(w);
      double start = window.startFrame() * frameSeconds;
      double end =
          Math.min(
              audio.durationSeconds(), (window.startFrame() + window.validFrames()) * frameSeconds);
      timeline.add(new TimelineSegment(start, Math.max(end, start + frameSeconds), scores));
    }
    return new Prediction(
        EmotionScores.normalised(sum),
        model.version(),
        audio.durationSeconds(),
        windows.size() > 1 ? timeline : List.of());
  }

  /** One window's softmax as scores, renormalised in double precision. */
  private static EmotionScores scores(float[] softmax) {
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
