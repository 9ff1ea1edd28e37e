package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.AudioException;
import dev.ser.audio.AudioTooLongException;
import dev.ser.audio.AudioTooShortException;
import dev.ser.audio.CorruptAudioException;
import dev.ser.audio.EmptyAudioException;
import dev.ser.audio.SilentAudioException;
import dev.ser.audio.UnsupportedAudioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in a typed {@link AudioException} with a stable code. */
@Timeout(60)
class AudioDecoderBadInputTest {
  private final AudioDecoder decoder = new AudioDecoder();

  @Test
  void rejectsEmptyBytes() {
    assertThatThrownBy(() -> decoder.decode(new byte[0]))
        .isInstanceOf(EmptyAudioException.class)
        .hasMessageContaining("empty")
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("empty_audio");
  }

  @Test
  void rejectsEmptyFile(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.wav"));

    assertThatThrownBy(() -> decoder.decode(empty)).isInstanceOf(EmptyAudioException.class);
  }

  @Test
  void rejectsPdfRenamedWav(@TempDir Path dir) throws IOException {
    String pdf =
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    Path file = Files.writeString(dir.resolve("speech.wav"), pdf);

    assertUnsupported(() -> decoder.decode(file));
    assertUnsupported(() -> decoder.decode(pdf.getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void rejectsTextRenamedWav(@TempDir Path dir) throws IOException {
    String text = "Dear team,\nplease find the recording attached.\n".repeat(200);
    Path file = Files.writeString(dir.resolve("speech.wav"), text);

    assertUnsupported(() -> decoder.decode(file));
    assertUnsupported(() -> decoder.decode(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rejectsRandomBytes() {
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);

    assertThatThrownBy(() -> decoder.decode(noise))
        .isInstanceOfAny(UnsupportedAudioException.class, CorruptAudioException.class);
  }

  @Test
  void rejectsPlaylistThatPointsAtOtherFiles(@TempDir Path dir) throws IOException {
    Path target = Files.copy(AudioDecoderFormatsTest.formatFile("mp3"), dir.resolve("a.mp3"));
    String playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXTINF:5,\n" + target.toUri() + "\n";

    assertUnsupported(() -> decoder.decode(playlist.getBytes(StandardCharsets.UTF_8)));
    assertUnsupported(() -> decoder.decode(Files.writeString(dir.resolve("list.m3u8"), playlist)));
  }

  @Test
  void wavCutInHalfDecodesTheFirstHalfExactly() {
    byte[] wav = TestWav.resource("/golden/speech_16k.wav");
    float[] whole = TestWav.pcm16Samples(wav);
    byte[] half = Arrays.copyOf(wav, wav.length / 2 + 1);

    float[] decoded = decoder.decode(half).samples();

    assertThat(decoded.length).isBetween(whole.length / 2 - 100, whole.length / 2);
    assertThat(TestWav.firstDifference(decoded, Arrays.copyOf(whole, decoded.length)))
        .isEqualTo(-1);
  }

  @Test
  void mp3CutInHalfDecodesItsValidPart() throws IOException {
    byte[] mp3 = Files.readAllBytes(AudioDecoderFormatsTest.formatFile("mp3"));

    DecodedAudio decoded = decoder.decode(Arrays.copyOf(mp3, mp3.length / 2));

    assertThat(decoded.durationSeconds()).isCloseTo(4.85 / 2, within(0.3));
  }

  @Test
  void everyFormatCutShortEitherDecodesOrFailsCleanly() throws IOException {
    for (String extension : new String[] {"flac", "m4a", "mp3", "ogg", "webm"}) {
      byte[] bytes = Files.readAllBytes(AudioDecoderFormatsTest.formatFile(extension));
      for (int length : new int[] {1, 4, 12, 44, 100, 1000, bytes.length / 3, bytes.length - 1}) {
        byte[] cut = Arrays.copyOf(bytes, length);
        try {
          DecodedAudio audio = decoder.decode(cut);
          assertThat(audio.durationSeconds()).as(extension + " cut at " + length).isLessThan(5);
        } catch (AudioException expected) {
          assertThat(expected.code()).isIn("unsupported_audio", "corrupt_audio", "audio_too_short");
        }
      }
    }
  }

  /**
   * Random damage (bytes overwritten in the header or anywhere, then maybe cut short), 40 times per
   * format with a fixed seed: every outcome is audio or an {@link AudioException}, never another
   * exception, a JVM crash or a hang (the class-level timeout).
   */
  @Test
  void damagedFilesDecodeOrFailWithAnAudioError() throws IOException {
    Random random = new Random(20_261_124);
    for (String extension : new String[] {"wav", "flac", "m4a", "mp3", "ogg", "webm"}) {
      byte[] original = Files.readAllBytes(AudioDecoderFormatsTest.formatFile(extension));
      for (int round = 0; round < 40; round++) {
        byte[] damaged = original.clone();
        boolean inHeader = random.nextBoolean();
        for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
          int at = random.nextInt(inHeader ? 200 : damaged.length);
          damaged[at] = (byte) random.nextInt(256);
        }
        if (random.nextInt(3) == 0) {
          damaged = Arrays.copyOf(damaged, 1 + random.nextInt(damaged.length - 1));
        }
        try {
          decoder.decode(damaged);
        } catch (AudioException expected) {
          assertThat(expected.code()).isNotBlank();
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }
  }

  /**
   * An M4A with 12 bytes overwritten (found by fuzzing) on which JavaCV's frame grabber throws a
   * NullPointerException mid-stream: the audio decoded before it is kept.
   */
  @Test
  void m4aThatBreaksTheFrameGrabberMidwayKeepsWhatDecoded() {
    DecodedAudio audio = decoder.decode(TestWav.resource("/formats/damaged_speech_16k.m4a"));

    assertThat(audio.durationSeconds()).isBetween(0.5, 5.0);
  }

  @Test
  void rejectsWavHeaderClaimingAnAbsurdSampleRate() {
    byte[] wav = TestWav.pcm(16_000, 16, TestWav.sine(440, 0.5, 16_000, 1));
    java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 855_686_016);

    assertUnsupported(() -> decoder.decode(wav));
  }

  @Test
  void rejectsWavWhoseHeaderIsCutOff() {
    byte[] wav = TestWav.resource("/golden/speech_16k.wav");

    assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(wav, 30)))
        .isInstanceOf(CorruptAudioException.class)
        .hasMessageContaining("WAV");
  }

  @Test
  void rejectsWavWithNoSamplesAsTooShort() {
    byte[] headerOnly = TestWav.pcm(16_000, 16, new float[0]);

    assertThatThrownBy(() -> decoder.decode(headerOnly)).isInstanceOf(AudioTooShortException.class);
  }

  @Test
  void rejectsClipShorterThanHalfASecond() {
    byte[] wav = TestWav.pcm(16_000, 16, TestWav.sine(440, 0.5, 16_000, 0.3));

    AudioTooShortException e =
        catchThrowableOfType(AudioTooShortException.class, () -> decoder.decode(wav));

    assertThat(e.code()).isEqualTo("audio_too_short");
    assertThat(e.durationSeconds()).isCloseTo(0.3, within(1e-9));
    assertThat(e.getMessage()).contains("0.30 s").contains("0.50 s");
  }

  @Test
  void minimumDurationIsConfigurable() {
    byte[] wav = TestWav.pcm(16_000, 16, TestWav.sine(440, 0.5, 16_000, 0.3));

    DecodedAudio audio = new AudioDecoder(new DecodeLimits(0.25, 300)).decode(wav);

    assertThat(audio.samples()).hasSize(4_800);
  }

  @Test
  void rejectsWavLongerThanTheLimitFromItsHeaderAlone() {
    byte[] wav = TestWav.pcm(16_000, 16, new float[16_000 * 3]);

    AudioTooLongException e =
        catchThrowableOfType(
            AudioTooLongException.class,
            () -> new AudioDecoder(new DecodeLimits(0.5, 2)).decode(wav));

    assertThat(e.code()).isEqualTo("audio_too_long");
    assertThat(e.limitSeconds()).isEqualTo(2);
    assertThat(e.getMessage()).contains("2 s limit");
  }

  @Test
  void acceptsAudioExactlyAtTheLimit() {
    byte[] wav = TestWav.pcm(16_000, 16, TestWav.sine(440, 0.5, 16_000, 2));

    assertThat(new AudioDecoder(new DecodeLimits(0.5, 2)).decode(wav).samples()).hasSize(32_000);
  }

  /**
   * Ten minutes of mu-law WAV (which the pure-Java reader leaves to FFmpeg) against a 5-minute
   * limit: decoding must stop just past the limit, not run to the end.
   */
  @Test
  void stopsDecodingJustPastTheDefaultFiveMinuteLimit() {
    byte[] tenMinutes = new byte[8_000 * 600];
    for (int i = 0; i < tenMinutes.length; i++) {
      tenMinutes[i] = (byte) (i % 64 + 64);
    }
    byte[] wav = TestWav.wav(TestWav.MU_LAW, 8_000, 1, 8, tenMinutes);

    AudioTooLongException e =
        catchThrowableOfType(AudioTooLongException.class, () -> decoder.decode(wav));

    assertThat(e.limitSeconds()).isEqualTo(300);
    assertThat(e.decodedSeconds()).isBetween(300.0, 301.0);
  }

  @Test
  void smallCompressedFileThatExpandsPastTheLimitIsStoppedEarly() throws IOException {
    byte[] flac = Files.readAllBytes(AudioDecoderFormatsTest.formatFile("flac"));
    AudioDecoder strict = new AudioDecoder(new DecodeLimits(0.1, 1));

    AudioTooLongException e =
        catchThrowableOfType(AudioTooLongException.class, () -> strict.decode(flac));

    assertThat(e.decodedSeconds()).isBetween(1.0, 1.5);
  }

  @Test
  void silenceDecodesButIsReportedAsSilent() {
    DecodedAudio silence = decoder.decode(TestWav.pcm(16_000, 16, new float[16_000]));

    assertThat(silence.isSilent()).isTrue();
    assertThatThrownBy(silence::requireSound)
        .isInstanceOf(SilentAudioException.class)
        .hasMessageContaining("silent")
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("silent_audio");
  }

  @Test
  void ditherLevelNoiseCountsAsSilent() {
    float[] dither = new float[16_000];
    Random random = new Random(3);
    for (int i = 0; i < dither.length; i++) {
      dither[i] = (random.nextInt(5) - 2) / 32768f;
    }

    assertThat(decoder.decode(TestWav.pcm(16_000, 16, dither)).isSilent()).isTrue();
  }

  @Test
  void speechIsNotSilent() {
    DecodedAudio speech = decoder.decode(TestWav.resource("/golden/speech_16k.wav"));

    assertThat(speech.requireSound()).isSameAs(speech);
  }

  @Test
  void rejectsFloatWavWithNan() {
    float[] y = TestWav.sine(440, 0.5, 16_000, 1);
    y[8_000] = Float.NaN;

    assertThatThrownBy(() -> decoder.decode(TestWav.floats(16_000, 32, y)))
        .isInstanceOf(CorruptAudioException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void rejectsFloatWavWithInfinity() {
    float[] y = TestWav.sine(440, 0.5, 16_000, 1);
    y[100] = Float.NEGATIVE_INFINITY;

    assertThatThrownBy(() -> decoder.decode(TestWav.floats(16_000, 64, y)))
        .isInstanceOf(CorruptAudioException.class)
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("corrupt_audio");
  }

  @Test
  void rejectsNanInStereoFloatWavThatNeedsResampling() {
    float[] left = TestWav.sine(440, 0.5, 44_100, 1);
    float[] right = left.clone();
    right[20_000] = Float.NaN;

    assertThatThrownBy(() -> decoder.decode(TestWav.floats(44_100, 32, left, right)))
        .isInstanceOf(CorruptAudioException.class);
  }

  @Test
  void videoWithoutSoundIsUnsupported(@TempDir Path dir) throws Exception {
    Path video = TestVideo.mp4(dir.resolve("silent-film.mp4"), false);

    assertThatThrownBy(() -> decoder.decode(video))
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("no audio track");
  }

  @Test
  void videoWithSoundDecodesItsAudioTrack(@TempDir Path dir) throws Exception {
    Path video = TestVideo.mp4(dir.resolve("clip.mp4"), true);

    DecodedAudio audio = decoder.decode(video);

    assertThat(audio.durationSeconds()).isCloseTo(2.0, within(0.1));
    assertThat(audio.peak()).isCloseTo(0.5, within(0.05));
  }

  @Test
  void missingFileIsAnIoErrorNotAnAudioError(@TempDir Path dir) {
    assertThatThrownBy(() -> decoder.decode(dir.resolve("nope.wav")))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("nope.wav");
  }

  private static void assertUnsupported(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(UnsupportedAudioException.class)
        .hasMessageContaining("WAV, MP3, M4A/AAC, FLAC, Ogg/Opus or WebM/Opus")
        .extracting(e -> ((AudioException) e).code())
        .isEqualTo("unsupported_audio");
  }
}
