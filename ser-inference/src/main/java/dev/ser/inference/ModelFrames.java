package dev.ser.inference;

import dev.ser.audio.feature.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's view of one clip: per frame its log-mel row and its frame features (MFCC, ZCR and
 * log10 RMS), time-major. Training and serving cut windows from it with the same code.
 *
 * <p>The model reads fixed windows of {@link #WINDOW_FRAMES} frames (3 s): the GRU is unrolled over
 * a fixed number of steps, because TensorFlow Java cannot differentiate a while loop, and training
 * sees random 3 s crops. Longer audio is read as windows every {@link #HOP_FRAMES} frames (1 s),
 * which also gives the timeline; shorter audio is zero-padded and masked.
 *
 * @param logMel {@code [frames][n_mels]}, dB
 * @param frameFeatures {@code [frames][n_mfcc + 2]}: MFCC, ZCR, {@code log10(max(rms, 1e-5))}
 */
public record ModelFrames(float[][] logMel, float[][] frameFeatures) {
  /** 3 s at librosa's 10 ms hop of the model's spec. */
  public static final int WINDOW_FRAMES = 300;

  /** 1 s between window starts for audio longer than one window. */
  public static final int HOP_FRAMES = 100;

  /** 0.5 s: below this there is too little speech for the model to say anything. */
  public static final int MIN_FRAMES = 50;

  static final float RMS_FLOOR = 1e-5f;

  public ModelFrames {
    if (logMel.length != frameFeatures.length || logMel.length == 0) {
      throw new IllegalArgumentException("need the same, non-zero number of frames");
    }
  }

  /** Transposes librosa-shaped features into frames; RMS goes to log10 because it spans decades. */
  public static ModelFrames of(Features features) {
    int frames = features.frames();
    int mels = features.logMel().length;
    int mfccs = features.mfcc().length;
    float[][] logMel = new float[frames][mels];
    float[][] frame = new float[frames][mfccs + 2];
    for (int t = 0; t < frames; t++) {
      for (int m = 0; m < mels; m++) {
        logMel[t][m] = features.logMel()[m][t];
      }
      for (int c = 0; c < mfccs; c++) {
        frame[t][c] = features.mfcc()[c][t];
      }
      frame[t][mfccs] = features.zcr()[t];
      frame[t][mfccs + 1] = (float) Math.log10(Math.max(features.rms()[t], RMS_FLOOR));
    }
    return new ModelFrames(logMel, frame);
  }

  public int frames() {
    return logMel.length;
  }

  public int melBins() {
    return logMel[0].length;
  }

  public int frameWidth() {
    return frameFeatures[0].length;
  }

  /**
   * Window starts covering the clip: one window for a clip up to {@link #WINDOW_FRAMES}, else every
   * {@link #HOP_FRAMES} frames plus one window ending at the clip's last frame.
   */
  public List<Integer> windowStarts() {
    List<Integer> starts = new ArrayList<>();
    int last = Math.max(0, frames() - WINDOW_FRAMES);
    for (int start = 0; start < last; start += HOP_FRAMES) {
      starts.add(start);
    }
    starts.add(last);
    return starts;
  }

  /** The window of {@link #WINDOW_FRAMES} frames from {@code start}, zero-padded at the end. */
  public InputWindow window(int start) {
    if (start < 0 || start >= frames()) {
      throw new IllegalArgumentException("window start " + start + " outside 0.." + frames());
    }
    int valid = Math.min(WINDOW_FRAMES, frames() - start);
    int mels = melBins();
    int width = frameWidth();
    float[] mel = new float[WINDOW_FRAMES * mels];
    float[] frame = new float[WINDOW_FRAMES * width];
    float[] mask = new float[WINDOW_FRAMES];
    for (int t = 0; t < valid; t++) {
      System.arraycopy(logMel[start + t], 0, mel, t * mels, mels);
      System.arraycopy(frameFeatures[start + t], 0, frame, t * width, width);
      mask[t] = 1;
    }
    return new InputWindow(start, valid, mel, frame, mask);
  }

  /** Every window of {@link #windowStarts()}. */
  public List<InputWindow> windows() {
    return windowStarts().stream().map(this::window).toList();
  }
}
