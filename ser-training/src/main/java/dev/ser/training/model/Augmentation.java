package dev.ser.training.model;

import dev.ser.inference.InputWindow;
import dev.ser.inference.ModelFrames;
import dev.ser.inference.Normalisation;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the field uses to generalise from little data, applied to a training window in the feature
 * domain: a random 3 s crop, speed perturbation (time stretch), vocal tract length perturbation
 * (Jaitly & Hinton 2013: a warp of the mel axis, which mimics another speaker's vocal tract), a
 * random gain, and SpecAugment's frequency and time masks (Park et al. 2019).
 *
 * <p>The gain is exact in the feature domain: a gain of {@code g} dB adds {@code g} to every
 * log-mel value (also to the {@code top_db} floor, which is relative to the maximum), {@code g *
 * sqrt(n_mels)} to MFCC 0 (the orthonormal DCT-II of a constant), {@code g / 20} to log10 RMS, and
 * leaves the zero-crossing rate and the other MFCCs unchanged. After a mel warp the MFCCs are
 * recomputed from the warped log-mel with librosa's DCT ({@code dct(log_mel, type=2,
 * norm="ortho")}); a stretch interpolates every feature linearly between frames.
 *
 * @param maxGainDb gains are uniform in {@code [-maxGainDb, maxGainDb]}
 * @param freqMasks how many frequency masks
 * @param maxFreqMask widest frequency mask, mel bins
 * @param timeMasks how many time masks
 * @param maxTimeMask widest time mask, frames
 * @param maxStretch speed factors are uniform in {@code [1 - maxStretch, 1 + maxStretch]}
 * @param maxWarp mel-axis warp factors are uniform in {@code [1 - maxWarp, 1 + maxWarp]}
 */
public record Augmentation(
    float maxGainDb,
    int freqMasks,
    int maxFreqMask,
    int timeMasks,
    int maxTimeMask,
    float maxStretch,
    float maxWarp) {

  public Augmentation {
    if (maxGainDb < 0 || maxStretch < 0 || maxStretch >= 0.5 || maxWarp < 0 || maxWarp >= 0.5) {
      throw new IllegalArgumentException("need gain >= 0 and stretch, warp in [0, 0.5)");
    }
  }

  public static Augmentation standard() {
    return new Augmentation(6f, 2, 8, 2, 25, 0.1f, 0.1f);
  }

  /** The same with mel-axis warps uniform in {@code [1 - maxWarp, 1 + maxWarp]}. */
  public Augmentation withMaxWarp(float maxWarp) {
    return new Augmentation(
        maxGainDb, freqMasks, maxFreqMask, timeMasks, maxTimeMask, maxStretch, maxWarp);
  }

  public static Augmentation none() {
    return new Augmentation(0f, 0, 0, 0, 0, 0f, 0f);
  }

  /** A random window of {@code frames}, augmented; masked values become the training mean. */
  InputWindow apply(ModelFrames frames, Normalisation normalisation, Random random) {
    float stretch = maxStretch > 0 ? 1 + (random.nextFloat() * 2 - 1) * maxStretch : 1;
    float warp = maxWarp > 0 ? 1 + (random.nextFloat() * 2 - 1) * maxWarp : 1;
    int mels = frames.melBins();
    int width = frames.frameWidth();
    int window = ModelFrames.WINDOW_FRAMES;
    int needed = (int) Math.ceil((window - 1) * stretch) + 1;
    int spare = frames.frames() - needed;
    int start = spare > 0 ? random.nextInt(spare + 1) : 0;
    int valid = Math.min(window, (int) Math.floor((frames.frames() - 1 - start) / stretch) + 1);

    float[] mel = new float[window * mels];
    float[] frame = new float[window * width];
    float[] mask = new float[window];
    float[] row = new float[mels];
    for (int t = 0; t < valid; t++) {
      double source = start + t * (double) stretch;
      int before = Math.min((int) source, frames.frames() - 1);
      int after = Math.min(before + 1, frames.frames() - 1);
      float weight = (float) (source - before);
      lerp(frames.logMel()[before], frames.logMel()[after], weight, row);
      if (warp != 1) {
        warpInto(row, warp, mel, t * mels);
      } else {
        System.arraycopy(row, 0, mel, t * mels, mels);
      }
      float[] features = new float[width];
      lerp(frames.frameFeatures()[before], frames.frameFeatures()[after], weight, features);
      if (warp != 1) {
        dct(mel, t * mels, mels, features, width - 2);
      }
      System.arraycopy(features, 0, frame, t * width, width);
      mask[t] = 1;
    }

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
    return new InputWindow(start, valid, mel, frame, mask);
  }

  private static void lerp(float[] a, float[] b, float weight, float[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] = weight == 0 ? a[i] : a[i] + weight * (b[i] - a[i]);
    }
  }

  /** Reads mel bin {@code m} of the output from bin {@code m * warp} of {@code row}. */
  private static void warpInto(float[] row, float warp, float[] into, int offset) {
    int last = row.length - 1;
    for (int m = 0; m <= last; m++) {
      double source = Math.min(m * (double) warp, last);
      int before = (int) source;
      int after = Math.min(before + 1, last);
      float weight = (float) (source - before);
      into[offset + m] = row[before] + weight * (row[after] - row[before]);
    }
  }

  /** The first {@code count} coefficients of the orthonormal DCT-II, like librosa's MFCC. */
  static void dct(float[] logMel, int offset, int mels, float[] into, int count) {
    float[][] basis = DCT_BASES.computeIfAbsent(mels * 1000 + count, key -> basis(mels, count));
    for (int k = 0; k < count; k++) {
      float[] b = basis[k];
      float sum = 0;
      for (int n = 0; n < mels; n++) {
        sum += logMel[offset + n] * b[n];
      }
      into[k] = sum;
    }
  }

  private static final Map<Integer, float[][]> DCT_BASES = new ConcurrentHashMap<>();

  private static float[][] basis(int mels, int count) {
    float[][] basis = new float[count][mels];
    for (int k = 0; k < count; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / mels);
      for (int n = 0; n < mels; n++) {
        basis[k][n] = (float) (scale * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * mels)));
      }
    }
    return basis;
  }
}
