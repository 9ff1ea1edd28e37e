package dev.ser.web.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SpectrogramTest {
  private static final int VIRIDIS_DARK = 0x440154;
  private static final int VIRIDIS_BRIGHT = 0xfde725;

  @Test
  void loudestCellIsBrightestAndTopDbBelowIsDarkest() {
    float[][] logMel = {{-80f, -80f}, {0f, -80f}};

    BufferedImage image = Spectrogram.render(logMel, 80, 2, 2);

    assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(VIRIDIS_BRIGHT);
    assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(VIRIDIS_DARK);
    assertThat(image.getRGB(0, 1) & 0xffffff).isEqualTo(VIRIDIS_DARK);
  }

  @Test
  void lowestMelBandIsAtTheBottom() {
    float[][] logMel = new float[4][3];
    for (float[] band : logMel) {
      java.util.Arrays.fill(band, -80f);
    }
    java.util.Arrays.fill(logMel[0], 0f);

    BufferedImage image = Spectrogram.render(logMel, 80, 3, 4);

    assertThat(image.getRGB(1, 3) & 0xffffff).isEqualTo(VIRIDIS_BRIGHT);
    assertThat(image.getRGB(1, 0) & 0xffffff).isEqualTo(VIRIDIS_DARK);
  }

  @Test
  void colourRampGetsBrighterWithLevel() {
    int previous = -1;
    for (double level = 0; level <= 1.0; level += 0.125) {
      int rgb = Spectrogram.colour(level);
      int luminance = (rgb >> 16 & 0xff) * 3 + (rgb >> 8 & 0xff) * 6 + (rgb & 0xff);
      assertThat(luminance).isGreaterThan(previous);
      previous = luminance;
    }
  }
}
