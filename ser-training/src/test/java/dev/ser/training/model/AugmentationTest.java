package dev.ser.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.Features;
import dev.ser.domain.emotion.Emotion;
import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static final int MELS = SyntheticClips.SPEC.nMels();
  private static final int WIDTH = SyntheticClips.SPEC.nMfcc() + 2;

  private static Normalisation zeroMeans() {
    return new Normalisation(new float[MELS], ones(MELS), new float[WIDTH], ones(WIDTH));
  }

  private static float[] ones(int n) {
    float[] values = new float[n];
    java.util.Arrays.fill(values, 1);
    return values;
  }

  @Test
  void gainInTheFeatureDomainEqualsScalingTheAudio() {
    FeatureExtractor extractor = new FeatureExtractor(SyntheticClips.SPEC);
    float[] y = SyntheticClips.tone(Emotion.HAPPY, 2.0, new Random(3));
    float maxGain = 6;
    // A clip shorter than a window is not cropped, so the gain is the first draw.
    double gainDb = (new Random(1).nextFloat() * 2 - 1) * maxGain;
    float factor = (float) Math.pow(10, gainDb / 20);
    float[] scaled = y.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= factor;
    }

    InputWindow augmented =
        new Augmentation(maxGain, 0, 0, 0, 0, 0f, 0f)
            .apply(ModelFrames.of(extractor.extract(y)), zeroMeans(), new Random(1));

    InputWindow expected = ModelFrames.of(extractor.extract(scaled)).window(0);
    assertThat(Math.abs(gainDb)).isGreaterThan(0.5);
    for (int frame = 20; frame < 180; frame += 40) {
      for (int m = 0; m < MELS; m++) {
        assertThat(augmented.logMel()[frame * MELS + m])
            .as("log-mel %d at frame %d", m, frame)
            .isCloseTo(expected.logMel()[frame * MELS + m], within(0.01f));
      }
      for (int c = 0; c < WIDTH; c++) {
        assertThat(augmented.frameFeatures()[frame * WIDTH + c])
            .as("frame feature %d (MFCC, ZCR, log RMS) at frame %d", c, frame)
            .isCloseTo(expected.frameFeatures()[frame * WIDTH + c], within(0.05f));
      }
    }
  }

  @Test
  void masksReplaceBandsAndFramesWithTheTrainingMean() {
    ModelFrames frames =
        ModelFrames.of(
            new FeatureExtractor(SyntheticClips.SPEC)
                .extract(SyntheticClips.tone(Emotion.SAD, 2.0, new Random(5))));
    Augmentation timeMasksOnly = new Augmentation(0, 0, 0, 2, 25, 0f, 0f);

    InputWindow window = timeMasksOnly.apply(frames, zeroMeans(), new Random(11));

    int maskedFrames = 0;
    for (int t = 0; t < window.validFrames(); t++) {
      boolean allZero = true;
      for (int m = 0; m < MELS; m++) {
        allZero &= window.logMel()[t * MELS + m] == 0;
      }
      if (allZero) {
        maskedFrames++;
      }
    }
    assertThat(maskedFrames).isBetween(1, 50);
    assertThat(window.validFrames()).isEqualTo(frames.frames());
  }

  @Test
  void cropsLongClipsToOneWindowAtARandomStart() {
    ModelFrames frames =
        ModelFrames.of(
            new FeatureExtractor(SyntheticClips.SPEC)
                .extract(SyntheticClips.tone(Emotion.FEAR, 6.0, new Random(5))));

    InputWindow window = Augmentation.none().apply(frames, zeroMeans(), new Random(2));

    assertThat(window.validFrames()).isEqualTo(ModelFrames.WINDOW_FRAMES);
    assertThat(window.startFrame()).isBetween(0, frames.frames() - ModelFrames.WINDOW_FRAMES);
    assertThat(window.logMel()).isEqualTo(frames.window(window.startFrame()).logMel());
  }

  @Test
  void dctOfALogMelFrameIsLibrosasMfcc() {
    Features features =
        new FeatureExtractor(SyntheticClips.SPEC)
            .extract(SyntheticClips.tone(Emotion.ANGER, 1.0, new Random(9)));
    int frame = 40;
    float[] row = new float[MELS];
    for (int m = 0; m < MELS; m++) {
      row[m] = features.logMel()[m][frame];
    }
    float[] mfcc = new float[WIDTH - 2];

    Augmentation.dct(row, 0, MELS, mfcc, mfcc.length);

    for (int c = 0; c < mfcc.length; c++) {
      assertThat(mfcc[c]).as("MFCC %d", c).isCloseTo(features.mfcc()[c][frame], within(2e-3f));
    }
  }

  @Test
  void stretchAndWarpKeepEveryValueInsideTheClipsRange() {
    ModelFrames frames =
        ModelFrames.of(
            new FeatureExtractor(SyntheticClips.SPEC)
                .extract(SyntheticClips.tone(Emotion.NEUTRAL, 4.0, new Random(4))));
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float[] row : frames.logMel()) {
      for (float v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    Augmentation stretchAndWarp = new Augmentation(0, 0, 0, 0, 0, 0.2f, 0.2f);

    for (int seed = 0; seed < 20; seed++) {
      InputWindow window = stretchAndWarp.apply(frames, zeroMeans(), new Random(seed));
      assertThat(window.validFrames()).isEqualTo(ModelFrames.WINDOW_FRAMES);
      for (int i = 0; i < window.validFrames() * MELS; i++) {
        assertThat(window.logMel()[i]).isBetween(min, max);
      }
    }
  }
}
