package dev.ser.web.picture;

import java.awt.image.BufferedImage;

/**
 * A log-mel spectrogram as a picture, like {@code librosa.display.specshow(S_db, y_axis="mel")}
 * with a perceptual colour map: time left to right, the lowest mel band at the bottom, the loudest
 * cell of the clip brightest and anything {@code topDb} below it darkest.
 */
public final class Spectrogram {

  /** Viridis at nine stops, enough for a smooth ramp by linear interpolation. */
  private static final int[] RAMP = {
    0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725
  };

  private Spectrogram() {}

  /**
   * Draws {@code logMel} (dB, {@code [n_mels][frames]}) into a {@code width × height} image, each
   * pixel taking the nearest cell.
   *
   * @param logMel {@code [n_mels][frames]}, dB
   * @param topDb the dynamic range shown; quieter cells are drawn as the floor colour
   */
  public static BufferedImage render(float[][] logMel, double topDb, int width, int height) {
    Waveform.requireSize(width, height);
    if (!(topDb > 0)) {
      throw new IllegalArgumentException("topDb must be positive: " + topDb);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int bands = logMel.length;
    int frames = bands == 0 ? 0 : logMel[0].length;
    if (frames == 0) {
      return image;
    }
    float max = Float.NEGATIVE_INFINITY;
    for (float[] band : logMel) {
      for (float value : band) {
        max = Math.max(max, value);
      }
    }
    for (int y = 0; y < height; y++) {
      int band = (int) ((long) (height - 1 - y) * bands / height);
      for (int x = 0; x < width; x++) {
        int frame = (int) ((long) x * frames / width);
        double level = 1 - (max - logMel[band][frame]) / topDb;
        image.setRGB(x, y, colour(level));
      }
    }
    return image;
  }

  /** The colour map: 0 (quietest shown) to 1 (loudest) along viridis. */
  static int colour(double level) {
    double clamped = Double.isNaN(level) ? 0 : Math.max(0, Math.min(1, level));
    double position = clamped * (RAMP.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, RAMP.length - 1);
    double t = position - low;
    int r = mix(RAMP[low] >> 16 & 0xff, RAMP[high] >> 16 & 0xff, t);
    int g = mix(RAMP[low] >> 8 & 0xff, RAMP[high] >> 8 & 0xff, t);
    int b = mix(RAMP[low] & 0xff, RAMP[high] & 0xff, t);
    return r << 16 | g << 8 | b;
  }

  private static int mix(int from, int to, double t) {
    return (int) Math.round(from + (to - from) * t);
  }
}
