package dev.ser.training.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.audio.decode.AudioDecoder;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordingPathTest {
  private static final AudioDecoder DECODER = new AudioDecoder();
  private static float[] speech;
  private static float[][] speechLogMel;

  @BeforeAll
  static void readSpeech() throws IOException {
    try (InputStream wav = RecordingPathTest.class.getResourceAsStream("/golden/speech_16k.wav")) {
      speech = DECODER.decode(wav.readAllBytes()).samples();
    }
    speechLogMel = logMel(speech);
  }

  @ParameterizedTest
  @EnumSource(RecordingPath.class)
  void recodedSpeechKeepsItsLengthAndItsSpectrum(RecordingPath path) {
    float[] recoded = path.recode(speech, DECODER);

    // Lossy encoders add up to a frame of priming/padding (Opus: 6.5 ms pre-skip, AAC 1024
    // samples at 44.1 kHz = 23 ms, MP3 1152), and decoders remove most of it.
    assertThat(Math.abs(recoded.length - speech.length)).isLessThanOrEqualTo(1_200);
    float[][] logMel = logMel(recoded);
    int frames = Math.min(logMel[0].length, speechLogMel[0].length);
    double error = 0;
    int cells = 0;
    // Mel bands below ~4 kHz, cells within 50 dB of the clip's peak: what any of these codecs
    // keeps.
    for (int m = 0; m < 48; m++) {
      for (int t = 0; t < frames; t++) {
        if (speechLogMel[m][t] > max(speechLogMel) - 50) {
          error += Math.abs(logMel[m][t] - speechLogMel[m][t]);
          cells++;
        }
      }
    }
    assertThat(cells).isGreaterThan(1_000);
    assertThat(error / cells)
        .as("mean |log-mel difference|, dB")
        .isLessThan(path.name().startsWith("WAV") ? 0.3 : 2.5);
  }

  private static float[][] logMel(float[] samples) {
    return new FeatureExtractor(FeatureSpec.modelDefault()).extract(samples).logMel();
  }

  private static float max(float[][] values) {
    float max = Float.NEGATIVE_INFINITY;
    for (float[] row : values) {
      for (float v : row) {
        max = Math.max(max, v);
      }
    }
    return max;
  }
}
