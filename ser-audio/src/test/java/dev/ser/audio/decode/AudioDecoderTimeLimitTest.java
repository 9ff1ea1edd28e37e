package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.AudioException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The decode-time budget of {@link DecodeLimits}: FFmpeg's decode stops when it runs out. */
@Timeout(120)
class AudioDecoderTimeLimitTest {
  /** The 4.85 s speech MP3 twelve times over (MP3 frames stand alone, so this is one stream). */
  private static byte[] longMp3;

  @BeforeAll
  static void concatenateSpeech() throws IOException {
    byte[] mp3 = Files.readAllBytes(AudioDecoderFormatsTest.formatFile("mp3"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < 12; i++) {
      out.write(mp3);
    }
    longMp3 = out.toByteArray();
  }

  @Test
  void defaultBudgetDecodesAMinuteOfMp3() {
    DecodedAudio audio = new AudioDecoder().decode(longMp3);

    assertThat(audio.durationSeconds()).isCloseTo(12 * 4.85, within(1.0));
  }

  @Test
  void decodeThatOutrunsItsBudgetStopsAsTooComplex() {
    // Audio earns time only at a million times real time: the 1 ms budget is all there is.
    AudioDecoder hurried =
        new AudioDecoder(DecodeLimits.DEFAULT.withMaxDecodeSeconds(0.001).withMinDecodeSpeed(1e6));

    AudioException e = catchThrowableOfType(AudioException.class, () -> hurried.decode(longMp3));

    assertThat(e.code()).isEqualTo("audio_too_complex");
    assertThat(e.getMessage()).contains("took longer than the 0.001 s limit");
  }

  /**
   * An hour-long call must not be cut off by the 2 s meant for damaged streams: each second of
   * audio decoded earns more time. A minute of MP3 takes longer than 20 ms to decode, but not
   * longer than 20 ms plus its share at 50 times real time (1.2 s).
   */
  @Test
  void decodedAudioEarnsItsShareOfTime() {
    AudioDecoder tight =
        new AudioDecoder(DecodeLimits.DEFAULT.withMaxDecodeSeconds(0.02).withMinDecodeSpeed(50));

    assertThat(tight.decode(longMp3).durationSeconds()).isCloseTo(12 * 4.85, within(1.0));
  }

  @Test
  void wavIsReadInJavaAndNotSubjectToTheBudget() {
    byte[] wav = TestWav.pcm(16_000, 16, TestWav.sine(440, 0.5, 16_000, 60));
    AudioDecoder hurried = new AudioDecoder(DecodeLimits.DEFAULT.withMaxDecodeSeconds(1e-9));

    assertThat(hurried.decode(wav).durationSeconds()).isEqualTo(60.0);
  }

  @Test
  void budgetMustBePositiveAndFinite() {
    assertThatThrownBy(() -> new DecodeLimits(0.5, 300, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxDecodeSeconds");
    assertThatThrownBy(() -> new DecodeLimits(0.5, 300, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new DecodeLimits(0.5, 300).maxDecodeSeconds()).isEqualTo(2.0);
  }
}
