package dev.ser.web.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WaveformTest {
  @Test
  void silenceDrawsOnlyTheMiddleRow() {
    BufferedImage image = Waveform.render(new float[16_000], 100, 41);

    for (int x = 0; x < 100; x++) {
      assertThat(image.getRGB(x, 20)).isEqualTo(Waveform.WAVE.getRGB());
      assertThat(image.getRGB(x, 0)).isEqualTo(Waveform.BACKGROUND.getRGB());
      assertThat(image.getRGB(x, 40)).isEqualTo(Waveform.BACKGROUND.getRGB());
    }
  }

  @Test
  void fullScaleSquareWaveFillsTopToBottom() {
    float[] square = new float[1_000];
    for (int i = 0; i < square.length; i++) {
      square[i] = i % 2 == 0 ? 1f : -1f;
    }

    BufferedImage image = Waveform.render(square, 50, 21);

    for (int y = 0; y < 21; y++) {
      assertThat(image.getRGB(25, y)).isEqualTo(Waveform.WAVE.getRGB());
    }
  }

  @Test
  void aSingleClickIsNotLostWhenManySamplesShareAColumn() {
    float[] samples = new float[100_000];
    samples[50_001] = 1f;

    BufferedImage image = Waveform.render(samples, 10, 21);

    assertThat(image.getRGB(5, 0)).isEqualTo(Waveform.WAVE.getRGB());
    assertThat(image.getRGB(4, 0)).isEqualTo(Waveform.BACKGROUND.getRGB());
  }

  @Test
  void positiveSamplesAreDrawnAboveTheMiddle() {
    float[] half = new float[100];
    java.util.Arrays.fill(half, 0.5f);

    BufferedImage image = Waveform.render(half, 10, 21);

    assertThat(image.getRGB(3, 5)).isEqualTo(Waveform.WAVE.getRGB());
    assertThat(image.getRGB(3, 15)).isEqualTo(Waveform.BACKGROUND.getRGB());
  }
}
