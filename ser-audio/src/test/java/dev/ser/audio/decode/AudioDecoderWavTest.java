package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WAV encodings written by {@link TestWav}, decoded by the pure-Java reader: each sample must come
 * out as soundfile (and so librosa) reads it, {@code integer / 2^(bits-1)}.
 */
class AudioDecoderWavTest {
  private final AudioDecoder decoder = new AudioDecoder();
  private final float[] tone = TestWav.sine(440, 0.7, 16_000, 1);

  @ParameterizedTest(name = "{0}-bit")
  @CsvSource({"8", "16", "24", "32"})
  void integerPcmDecodesToItsValueOverTwoToTheBitsMinusOne(int bits) {
    DecodedAudio audio = decoder.decode(TestWav.pcm(16_000, bits, tone));

    double scale = Math.pow(2, bits - 1);
    float[] expected = new float[tone.length];
    for (int i = 0; i < tone.length; i++) {
      expected[i] = (float) (Math.round(tone[i] * scale) / scale);
    }
    assertThat(TestWav.firstDifference(audio.samples(), expected)).isEqualTo(-1);
    assertThat(audio.sourceSampleRate()).isEqualTo(16_000);
  }

  @Test
  void float32IsPassedThroughUntouched() {
    assertThat(
            TestWav.firstDifference(
                decoder.decode(TestWav.floats(16_000, 32, tone)).samples(), tone))
        .isEqualTo(-1);
  }

  @Test
  void float64IsRoundedToFloat32() {
    assertThat(
            TestWav.firstDifference(
                decoder.decode(TestWav.floats(16_000, 64, tone)).samples(), tone))
        .isEqualTo(-1);
  }

  @Test
  void extensibleHeaderReadsLikeThePlainOne() {
    assertThat(
            TestWav.firstDifference(
                decoder.decode(TestWav.extensible16(16_000, tone)).samples(),
                decoder.decode(TestWav.pcm(16_000, 16, tone)).samples()))
        .isEqualTo(-1);
  }

  @Test
  void stereoChannelsAreAveraged() {
    float[] left = TestWav.sine(440, 0.5, 16_000, 1);
    float[] right = TestWav.sine(1_000, 0.25, 16_000, 1);

    DecodedAudio audio = decoder.decode(TestWav.floats(16_000, 32, left, right));

    assertThat(audio.sourceChannels()).isEqualTo(2);
    float[] average = new float[left.length];
    for (int i = 0; i < left.length; i++) {
      average[i] = (left[i] + right[i]) / 2;
    }
    assertThat(TestWav.firstDifference(audio.samples(), average)).isEqualTo(-1);
  }

  @Test
  void oppositeChannelsAverageToSilence() {
    float[] left = TestWav.sine(440, 0.5, 16_000, 1);
    float[] right = left.clone();
    for (int i = 0; i < right.length; i++) {
      right[i] = -right[i];
    }

    DecodedAudio audio = decoder.decode(TestWav.pcm(16_000, 16, left, right));

    assertThat(audio.peak()).isZero();
  }

  @Test
  void fourChannelsAreAveraged() {
    float[] a = TestWav.sine(300, 0.4, 16_000, 1);
    float[] zero = new float[a.length];

    DecodedAudio audio = decoder.decode(TestWav.floats(16_000, 32, a, zero, zero, zero));

    assertThat(audio.sourceChannels()).isEqualTo(4);
    assertThat(audio.peak()).isCloseTo(0.1, within(1e-4));
  }

  /**
   * A 1 kHz tone at 44.1, 48, 22.05 and 8 kHz must come out at 16 kHz with librosa's length, {@code
   * ceil(n * 16000 / sr)}, the same frequency (counted by zero crossings) and the same level.
   */
  @ParameterizedTest(name = "{0} Hz, {1} channel(s)")
  @CsvSource({"44100, 1", "48000, 2", "22050, 1", "8000, 1"})
  void otherRatesAreResampledTo16kKeepingPitchAndLevel(int rate, int channels) {
    float[] source = TestWav.sine(1_000, 0.5, rate, 2);
    float[][] planes = new float[channels][];
    java.util.Arrays.fill(planes, source);

    DecodedAudio audio = decoder.decode(TestWav.pcm(rate, 16, planes));

    float[] y = audio.samples();
    assertThat(audio.sampleRate()).isEqualTo(16_000);
    assertThat(audio.sourceSampleRate()).isEqualTo(rate);
    assertThat(audio.sourceChannels()).isEqualTo(channels);
    assertThat(y).hasSize((int) Math.ceil(source.length * 16_000.0 / rate));
    assertThat(audio.sourceDurationSeconds()).isCloseTo(2, within(1e-9));
    int crossings = 0;
    double energy = 0;
    for (int i = 1600; i < y.length - 1600; i++) {
      if ((y[i - 1] < 0) != (y[i] < 0)) {
        crossings++;
      }
      energy += y[i] * y[i];
    }
    double seconds = (y.length - 3200) / 16_000.0;
    assertThat(crossings / seconds / 2).isCloseTo(1_000, within(2.0));
    assertThat(Math.sqrt(energy / (y.length - 3200))).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
  }

  @Test
  void resamplingKeepsTheSignalInPlace() {
    float[] click = new float[44_100];
    click[22_050] = 1;

    float[] y = decoder.decode(TestWav.floats(44_100, 32, click)).samples();

    int peak = 0;
    for (int i = 1; i < y.length; i++) {
      if (Math.abs(y[i]) > Math.abs(y[peak])) {
        peak = i;
      }
    }
    assertThat(peak).isEqualTo(8_000);
  }

  @Test
  void muLawWavIsDecodedByFfmpeg() {
    byte[] codes = new byte[16_000];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (byte) (i % 2 == 0 ? 0x80 : 0x00);
    }

    DecodedAudio audio = decoder.decode(TestWav.wav(TestWav.MU_LAW, 16_000, 1, 8, codes));

    assertThat(audio.samples()).hasSize(16_000);
    assertThat(audio.peak())
        .as("mu-law 0x80 and 0x00 are the two full-scale codes")
        .isGreaterThan(0.9);
  }

  /** FFmpeg's own downmix would scale stereo by 1/sqrt(2); librosa, and so we, take the mean. */
  @Test
  void stereoDecodedByFfmpegIsTheMeanOfItsChannels() {
    byte[] left = new byte[16_000];
    byte[] leftAndSilence = new byte[2 * left.length];
    for (int i = 0; i < left.length; i++) {
      left[i] = (byte) (i % 2 == 0 ? 0x80 : 0x00);
      leftAndSilence[2 * i] = left[i];
      leftAndSilence[2 * i + 1] = (byte) 0xFF;
    }

    float[] mono = decoder.decode(TestWav.wav(TestWav.MU_LAW, 16_000, 1, 8, left)).samples();
    float[] stereo =
        decoder.decode(TestWav.wav(TestWav.MU_LAW, 16_000, 2, 8, leftAndSilence)).samples();

    float[] half = new float[mono.length];
    for (int i = 0; i < mono.length; i++) {
      half[i] = mono[i] / 2;
    }
    assertThat(mono[0]).as("mu-law 0xFF is silence, 0x80 full scale").isGreaterThan(0.9f);
    assertThat(TestWav.firstDifference(stereo, half)).isEqualTo(-1);
  }
}
