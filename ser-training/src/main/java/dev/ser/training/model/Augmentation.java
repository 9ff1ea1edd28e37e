package dev.ser.training.model;

import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.util.Random;

/**
 * What the field uses to generalise from little data, applied to a training window: a random 3 s
 * crop, a random gain, and SpecAugment's frequency and time masks (Park et al. 2019).
 *
 * <p>The gain is exact in the feature domain: a gain of {@code g} dB adds {@code g} to every
 * log-mel value (also to the {@code top_db} floor, which is relative to the maximum), {@code g *
 * sqrt(n_mels)} to MFCC 0 (the orthonormal DCT-II of a constant), {@code g / 20} to log10 RMS, and
 * leaves the zero-crossing rate and the other MFCCs unchanged.
 *
 * @param maxGainDb gains are uniform in {@code [-maxGainDb, maxGainDb]}
 * @param freqMasks how many frequency masks
 * @param maxFreqMask widest frequency mask, mel bins
 * @param timeMasks how many time masks
 * @param maxTimeMask widest time mask, frames
 */
public record Augmentation(
    float maxGainDb, int freqMasks, int maxFreqMask, int timeMasks, int maxTimeMask) {

  public static Augmentation standard() {
    return new Augmentation(6f, 2, 8, 2, 25);
  }

  public static Augmentation none() {
    return new Augmentation(0f, 0, 0, 0, 0);
  }

  /** A random window of {@code frames}, augmented; masked values become the training mean. */
  InputWindow apply(ModelFrames frames, Normalisation normalisation, Random random) {
    int spare = frames.frames() - ModelFrames.WINDOW_FRAMES;
    InputWindow window = frames.window(spare > 0 ? random.nextInt(spare + 1) : 0);
    float[] mel = window.logMel();
    float[] frame = window.frameFeatures();
    int mels = frames.melBins();
    int width = frames.frameWidth();
    int valid = window.validFrames();

    float gain = maxGainDb > 0 ? (random.nextFloat() * 2 - 1) * maxGainDb : 0;
    if (gain != 0) {
      float mfcc0 = (float) (gain * Math.sqrt(mels));
      for (int t = 0; t < valid; t++) {
        for (int m = 0; m < mels; m++) {
          mel[t * mels + m] += gain;
        }
        frame[t * width] += mfcc0;
        frame[t * width + width - 1] += gain / 20;
      }
    }
    float[] melMean = normalisation.logMelMean();
    float[] frameMean = normalisation.frameMean();
    for (int i = 0; i < freqMasks; i++) {
      int size = random.nextInt(maxFreqMask + 1);
      int from = random.nextInt(mels - size + 1);
      for (int t = 0; t < valid; t++) {
        for (int m = from; m < from + size; m++) {
          mel[t * mels + m] = melMean[m];
        }
      }
    }
    for (int i = 0; i < timeMasks; i++) {
      int size = Math.min(random.nextInt(maxTimeMask + 1), valid / 5);
      int from = random.nextInt(valid - size + 1);
      for (int t = from; t < from + size; t++) {
        System.arraycopy(melMean, 0, mel, t * mels, mels);
        System.arraycopy(frameMean, 0, frame, t * width, width);
      }
    }
    return new InputWindow(window.startFrame(), valid, mel, frame, window.mask());
  }
}
