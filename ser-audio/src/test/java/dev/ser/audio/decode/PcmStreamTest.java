package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.audio.UnsupportedAudioException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Raw PCM pushed in pieces of any size gives the 16 kHz mono samples the decoder gives for a WAV
 * file of the same PCM, bit for bit.
 */
class PcmStreamTest {

  @Test
  void stereoAt48kHzCutAnywhereIsReadAsTheSameWav() {
    float[] left = signal(48_000, 2.3, 220);
    float[] right = signal(48_000, 2.3, 331);
    byte[] data = TestWav.pcmData(16, left, right);
    float[] expected =
        new AudioDecoder().decode(TestWav.wav(TestWav.PCM, 48_000, 2, 16, data)).samples();

    for (int piece : new int[] {1, 7, 1_001, 19_200, data.length}) {
      assertThat(streamed(48_000, 2, data, piece))
          .as("pieces of %d bytes", piece)
          .containsExactly(expected);
    }
  }

  @Test
  void monoAt16kHzPassesThroughUnchanged() {
    float[] mono = signal(16_000, 1.0, 440);
    byte[] data = TestWav.pcmData(16, mono);
    float[] expected =
        new AudioDecoder().decode(TestWav.wav(TestWav.PCM, 16_000, 1, 16, data)).samples();

    assertThat(streamed(16_000, 1, data, 3_333)).containsExactly(expected);
  }

  @Test
  void refusesImpossibleFormats() {
    assertThatThrownBy(() -> new PcmStream(500, 1, (c, s, n) -> {}))
        .isInstanceOf(UnsupportedAudioException.class);
    assertThatThrownBy(() -> new PcmStream(16_000, 0, (c, s, n) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PcmStream(16_000, 9, (c, s, n) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static float[] streamed(int rate, int channels, byte[] data, int piece) {
    float[][] out = {new float[0]};
    int[] size = {0};
    PcmStream stream =
        new PcmStream(
            rate,
            channels,
            (channel, samples, length) -> {
              if (size[0] + length > out[0].length) {
                out[0] = Arrays.copyOf(out[0], Math.max(size[0] + length, 2 * out[0].length));
              }
              System.arraycopy(samples, 0, out[0], size[0], length);
              size[0] += length;
            });
    for (int at = 0; at < data.length; at += piece) {
      stream.push(ByteBuffer.wrap(data, at, Math.min(piece, data.length - at)));
    }
    stream.finish();
    assertThat(stream.frames()).isEqualTo(data.length / (2L * channels));
    return Arrays.copyOf(out[0], size[0]);
  }

  private static float[] signal(int rate, double seconds, double hz) {
    float[] samples = new float[(int) (rate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] =
          (float)
              (0.5
                  * Math.sin(2 * Math.PI * hz * i / rate)
                  * Math.sin(Math.PI * i / samples.length));
    }
    return samples;
  }
}
