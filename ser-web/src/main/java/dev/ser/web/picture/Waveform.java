package dev.ser.web.picture;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The waveform of a clip as a picture: for each pixel column the minimum and maximum sample of the
 * slice of audio it covers (what audio editors draw), so no peak is lost however long the clip.
 */
public final class Waveform {
  static final Color BACKGROUND = new Color(0x10, 0x18, 0x28);
  static final Color WAVE = new Color(0x84, 0xad, 0xff);
  static final Color AXIS = new Color(0x34, 0x40, 0x54);

  private Waveform() {}

  /**
   * Draws mono samples in [-1, 1] into a {@code width × height} image, time left to right, zero in
   * the middle row.
   *
   * @param samples {@code [n]} mono samples
   */
  public static BufferedImage render(float[] samples, int width, int height) {
    requireSize(width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int middle = height / 2;
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, y == middle ? AXIS.getRGB() : BACKGROUND.getRGB());
      }
    }
    if (samples.length == 0) {
      return image;
    }
    double halfHeight = (height - 1) / 2.0;
    for (int x = 0; x < width; x++) {
      int from = (int) ((long) x * samples.length / width);
      int to = Math.max(from + 1, (int) ((long) (x + 1) * samples.length / width));
      float min = 1;
      float max = -1;
      for (int i = from; i < Math.min(to, samples.length); i++) {
        min = Math.min(min, samples[i]);
        max = Math.max(max, samples[i]);
      }
      int top = row(max, halfHeight, height);
      int bottom = row(min, halfHeight, height);
      for (int y = top; y <= bottom; y++) {
        image.setRGB(x, y, WAVE.getRGB());
      }
    }
    return image;
  }

  private static int row(float sample, double halfHeight, int height) {
    double clamped = Math.max(-1, Math.min(1, sample));
    return (int) Math.max(0, Math.min(height - 1, Math.round(halfHeight * (1 - clamped))));
  }

  static void requireSize(int width, int height) {
    if (width <= 0 || height <= 0 || (long) width * height > 4_000_000) {
      throw new IllegalArgumentException("picture size out of range: " + width + "x" + height);
    }
  }
}
