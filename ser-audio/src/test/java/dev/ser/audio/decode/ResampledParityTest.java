package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.feature.FeatureExtractor;
import dev.ser.audio.feature.FeatureSpec;
import dev.ser.audio.feature.Features;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs librosa had to downmix and resample ({@code speech_22k_mono}: 22.05 kHz; {@code
 * speech_48k_stereo}: 48 kHz, two channels), decoded here and compared, feature by feature, over
 * every band and frame, with librosa 0.10.2's values for the model's spec. librosa averaged the
 * channels and resampled with {@code scipy.signal.resample_poly}, which {@link Resampler} ports, so
 * what is left is float rounding (librosa filters in float32, we in double). Measured (22.05 kHz /
 * 48 kHz):
 *
 * <ul>
 *   <li>log-mel over cells at or above -60 dB: max |error| 0.00053 / 0.00050 dB, mean 9e-6 dB;
 *   <li>MFCC: max |error| 0.0006 / 0.0003, 1.1e-6 / 6.4e-7 of the largest |MFCC|;
 *   <li>ZCR: max |error| 3e-8: every frame counts librosa's crossings, the rest is float32
 *       rounding;
 *   <li>RMS (frames at or above 1e-3): max relative error 4.5e-7.
 * </ul>
 *
 * <p>The bounds (0.5 dB, 2% of the largest |MFCC|, 0.005 and 2%) leave room for another summation
 * order or filter precision; swresample, used before, reached 3.9 / 5.8 dB, 0.2% / 1.1%, 0.12 /
 * 0.055 and 3.7% / 5.2%.
 */
class ResampledParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AudioDecoder decoder = new AudioDecoder();
  private final FeatureExtractor extractor = new FeatureExtractor(FeatureSpec.modelDefault());

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void decodedFramesMatchLibrosaCount(String name) throws IOException {
    Features ours = extract(name);

    assertThat(ours.frames()).isEqualTo(frames(golden(name).get("zcr")).size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void logMelMatchesLibrosaWithinHalfADbInEveryCellAboveMinus60Db(String name) throws IOException {
    float[][] ours = extract(name).logMel();
    JsonNode theirs = golden(name).get("log_mel");

    double max = 0;
    int cells = 0;
    for (int band = 0; band < ours.length; band++) {
      for (int frame = 0; frame < ours[band].length; frame++) {
        double expected = theirs.get(band).get(frame).asDouble();
        if (expected >= -60) {
          max = Math.max(max, Math.abs(ours[band][frame] - expected));
          cells++;
        }
      }
    }
    assertThat(cells).isGreaterThan(10_000);
    assertThat(max).isLessThanOrEqualTo(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void mfccMatchesLibrosaWithinTwoPercentOfItsLargestCoefficient(String name) throws IOException {
    float[][] ours = extract(name).mfcc();
    JsonNode theirs = golden(name).get("mfcc");

    double largest = 0;
    double max = 0;
    for (int row = 0; row < ours.length; row++) {
      for (int frame = 0; frame < ours[row].length; frame++) {
        double expected = theirs.get(row).get(frame).asDouble();
        largest = Math.max(largest, Math.abs(expected));
        max = Math.max(max, Math.abs(ours[row][frame] - expected));
      }
    }
    assertThat(max).isLessThanOrEqualTo(0.02 * largest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void zcrMatchesLibrosaWithinHalfAPercentInEveryFrame(String name) throws IOException {
    float[] ours = extract(name).zcr();
    JsonNode theirs = frames(golden(name).get("zcr"));

    for (int frame = 0; frame < ours.length; frame++) {
      assertThat((double) ours[frame])
          .as("frame %d", frame)
          .isCloseTo(theirs.get(frame).asDouble(), within(5e-3));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void rmsMatchesLibrosaWithinTwoPercentInEveryAudibleFrame(String name) throws IOException {
    float[] ours = extract(name).rms();
    JsonNode theirs = frames(golden(name).get("rms"));

    int frames = 0;
    for (int frame = 0; frame < ours.length; frame++) {
      double expected = theirs.get(frame).asDouble();
      if (expected >= 1e-3) {
        assertThat(Math.abs(ours[frame] - expected) / expected)
            .as("frame %d", frame)
            .isLessThanOrEqualTo(0.02);
        frames++;
      }
    }
    assertThat(frames).isGreaterThan(100);
  }

  /** A {@code [frames]} vector; librosa's {@code [1][frames]} shape is accepted too. */
  private static JsonNode frames(JsonNode vector) {
    return vector.size() > 0 && vector.get(0).isArray() ? vector.get(0) : vector;
  }

  private Features extract(String name) {
    return extractor.extract(
        decoder.decode(TestWav.resource("/golden/" + name + ".wav")).samples());
  }

  private static JsonNode golden(String name) throws IOException {
    return JSON.readTree(TestWav.resource("/golden/" + name + ".json"));
  }
}
