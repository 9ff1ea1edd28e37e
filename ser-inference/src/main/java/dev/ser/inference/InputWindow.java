package dev.ser.inference;

import java.util.List;
import java.util.function.Function;

/**
 * One fixed-length window of model input, time-major and flattened, zero-padded after {@link
 * #validFrames()} frames.
 *
 * @param startFrame the window's first frame in the clip
 * @param validFrames how many frames carry audio; the rest are padding
 * @param logMel {@code [window_frames][n_mels]}, dB, flattened
 * @param frameFeatures {@code [window_frames][n_mfcc + 2]} (MFCC, ZCR, log10 RMS), flattened
 * @param mask {@code [window_frames]}: 1 for a frame with audio, 0 for padding
 */
public record InputWindow(
    int startFrame, int validFrames, float[] logMel, float[] frameFeatures, float[] mask) {
  public InputWindow {
    if (startFrame < 0 || validFrames <= 0 || validFrames > mask.length) {
      throw new IllegalArgumentException(
          "window must start at >= 0 and hold 1.." + mask.length + " frames");
    }
    if (logMel.length % mask.length != 0 || frameFeatures.length % mask.length != 0) {
      throw new IllegalArgumentException("feature arrays must be whole frames");
    }
  }

  public int windowFrames() {
    return mask.length;
  }

  /** Concatenates one component of several windows, e.g. {@code pack(ws, InputWindow::logMel)}. */
  public static float[] pack(List<InputWindow> windows, Function<InputWindow, float[]> component) {
    int each = component.apply(windows.get(0)).length;
    float[] packed = new float[windows.size() * each];
    for (int i = 0; i < windows.size(); i++) {
      System.arraycopy(component.apply(windows.get(i)), 0, packed, i * each, each);
    }
    return packed;
  }
}
