package dev.ser.training.model;

import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.ModelFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Clips the tests make themselves, so CI needs no corpus: each emotion is a tone at its own pitch
 * with a little noise, lasting 1.5 to 3.5 s.
 */
final class SyntheticClips {
  static final FeatureSpec SPEC = FeatureSpec.modelDefault();

  private SyntheticClips() {}

  static float[] tone(Emotion emotion, double seconds, Random random) {
    int n = (int) (seconds * SPEC.sampleRate());
    double frequency = 200 + 450 * emotion.ordinal();
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] =
          (float)
              (0.3 * Math.sin(2 * Math.PI * frequency * i / SPEC.sampleRate())
                  + 0.02 * random.nextGaussian());
    }
    return y;
  }

  static List<Example> examples(int perEmotion, long seed) {
    FeatureExtractor extractor = new FeatureExtractor(SPEC);
    Random random = new Random(seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < perEmotion; i++) {
      for (Emotion emotion : Emotion.values()) {
        float[] y = tone(emotion, 1.5 + 2 * random.nextDouble(), random);
        examples.add(
            new Example(
                ModelFrames.of(extractor.extract(y)), emotion, "synthetic", "synthetic:" + i));
      }
    }
    return examples;
  }

  /** A network small enough to train in seconds. */
  static Architecture tinyArchitecture() {
    return new Architecture(
        ModelFrames.WINDOW_FRAMES,
        SPEC.nMels(),
        SPEC.nMfcc() + 2,
        new int[] {4, 8},
        new int[] {2, 2},
        new int[] {4, 4},
        16,
        0f,
        0f,
        true,
        false,
        false,
        false,
        false);
  }
}
