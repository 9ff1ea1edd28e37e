package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code speech_16k.wav} (4.853 s, 16 kHz mono 16-bit) encoded by ffmpeg as FLAC, MP3, M4A (AAC),
 * Ogg/Opus and WebM/Opus (../shared/golden/formats), decoded back.
 */
class AudioDecoderFormatsTest {
  private static final double WAV_SECONDS = 77_650 / 16_000.0;
  private static final float[] WAV =
      TestWav.pcm16Samples(TestWav.resource("/golden/speech_16k.wav"));

  private final AudioDecoder decoder = new AudioDecoder();

  @ParameterizedTest
  @ValueSource(strings = {"flac", "m4a", "mp3", "ogg", "webm"})
  void everyFormatDecodesToAbout485SecondsOf16kMono(String extension) {
    DecodedAudio audio = decoder.decode(formatFile(extension));

    assertThat(audio.sampleRate()).isEqualTo(16_000);
    assertThat(audio.sourceChannels()).isEqualTo(1);
    assertThat(audio.durationSeconds()).isCloseTo(WAV_SECONDS, within(0.015));
    assertThat(audio.sourceDurationSeconds()).isCloseTo(WAV_SECONDS, within(0.015));
  }

  @Test
  void reportsEachSourceFormatAndRate() {
    assertThat(decoder.decode(formatFile("flac")).format()).isEqualTo("flac");
    assertThat(decoder.decode(formatFile("mp3")).format()).isEqualTo("mp3");
    assertThat(decoder.decode(formatFile("m4a")).format()).contains("m4a");
    assertThat(decoder.decode(formatFile("webm")).format()).contains("webm");
    DecodedAudio opus = decoder.decode(formatFile("ogg"));
    assertThat(opus.format()).isEqualTo("ogg");
    assertThat(opus.sourceSampleRate()).as("Opus always decodes at 48 kHz").isEqualTo(48_000);
  }

  @Test
  void wavAt16kIsBitExactWithItsPcmDividedBy32768() {
    DecodedAudio audio = decoder.decode(TestWav.resource("/golden/speech_16k.wav"));

    assertThat(TestWav.firstDifference(audio.samples(), WAV)).isEqualTo(-1);
    assertThat(audio.format()).isEqualTo("wav");
  }

  @Test
  void flacIsBitExactWithTheWav() {
    assertThat(TestWav.firstDifference(decoder.decode(formatFile("flac")).samples(), WAV))
        .isEqualTo(-1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ogg", "webm", "mp3", "m4a"})
  void lossyFormatsStayAlignedWithTheWav(String extension) {
    float[] decoded = decoder.decode(formatFile(extension)).samples();

    assertThat(bestLag(decoded, WAV, 400)).isZero();
  }

  /**
   * Lossy codecs change the spectrum by a few dB, most in quiet cells and above the encoder's
   * low-pass (the MP3's top bands lose ~25 dB), so the bound is on the typical cell: over every
   * cell the WAV has above -50 dB, the median difference stays under 1 dB and the mean under 1.5
   * dB.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ogg", "webm", "mp3", "m4a"})
  void lossyFormatsLogMelIsWithinAFewDbOfTheWav(String extension) {
    FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.modelDefault());
    float[][] expected = extractor.extract(WAV).logMel();
    float[][] actual = extractor.extract(decoder.decode(formatFile(extension)).samples()).logMel();

    List<Double> errors = new ArrayList<>();
    for (int band = 0; band < expected.length; band++) {
      for (int frame = 0; frame < expected[band].length; frame++) {
        if (expected[band][frame] >= -50) {
          errors.add((double) Math.abs(actual[band][frame] - expected[band][frame]));
        }
      }
    }
    double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(sorted.length).isGreaterThan(10_000);
    assertThat(sorted[sorted.length / 2]).isLessThan(1.0);
    assertThat(Arrays.stream(sorted).average().orElseThrow()).isLessThan(1.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "m4a", "mp3", "ogg", "webm"})
  void bytesStreamsAndFilesDecodeAlike(String extension) throws IOException {
    Path file = formatFile(extension);
    float[] fromFile = decoder.decode(file).samples();

    assertThat(
            TestWav.firstDifference(decoder.decode(Files.readAllBytes(file)).samples(), fromFile))
        .isEqualTo(-1);
    assertThat(
            TestWav.firstDifference(
                decoder.decode(new ByteArrayInputStream(Files.readAllBytes(file))).samples(),
                fromFile))
        .isEqualTo(-1);
  }

  @Test
  void decodesFilesWhoseNamesLookLikeUrls(@TempDir Path dir) throws IOException {
    Path odd = Files.copy(formatFile("mp3"), dir.resolve("http:a?b#c.mp3"));

    assertThat(decoder.decode(odd).durationSeconds()).isCloseTo(WAV_SECONDS, within(0.015));
  }

  @Test
  void decodesConcurrentlyWithTheSameResultAsAlone() throws Exception {
    String[] extensions = {"wav", "flac", "m4a", "mp3", "ogg", "webm"};
    List<float[]> alone = new ArrayList<>();
    for (String extension : extensions) {
      alone.add(decoder.decode(formatFile(extension)).samples());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> together = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (String extension : extensions) {
          together.add(pool.submit(() -> decoder.decode(formatFile(extension)).samples()));
        }
      }
      for (int i = 0; i < together.size(); i++) {
        assertThat(TestWav.firstDifference(together.get(i).get(), alone.get(i % extensions.length)))
            .isEqualTo(-1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Path formatFile(String extension) {
    String name =
        extension.equals("wav") ? "/golden/speech_16k.wav" : "/formats/speech_16k." + extension;
    try {
      return Path.of(AudioDecoderFormatsTest.class.getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shift of {@code signal} against {@code reference}, in samples, that correlates best. */
  static int bestLag(float[] signal, float[] reference, int maxLag) {
    int n = Math.min(signal.length, reference.length);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double score = 0;
      for (int i = maxLag; i < n - maxLag; i++) {
        score += (double) signal[i + lag] * reference[i];
      }
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }
}
