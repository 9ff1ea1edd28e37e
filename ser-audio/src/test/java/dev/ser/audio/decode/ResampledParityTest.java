package dev.ser.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;

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
 * speech_48k_stereo}: 48 kHz, two channels), decoded here and compared, feature by feature, with
 * librosa 0.10.2's values for the model's spec.
 *
 * <p>Why the tolerance is looser than the 16 kHz contract (0.01 dB): librosa resamples with soxr's
 * "HQ" filter, we with swresample's windowed sinc; both are linear-phase low-passes but with
 * different transition bands and edge handling. Measured on these two inputs:
 *
 * <ul>
 *   <li>mel bands 0-59 (up to 6.6 kHz), frames away from the two ends: max |error| 0.055 dB over
 *       cells at or above -40 dB, 0.96 dB over cells at or above -60 dB (a quiet cell differs more
 *       in dB for the same tiny absolute difference); bound here at 0.1 and 1.5 dB;
 *   <li>the top four bands (6.6-8 kHz, the filters' transition region) and the first and last frame
 *       (the resamplers pad the signal's ends differently) differ by up to 6 dB in single cells,
 *       but the mean |error| over every cell at or above -60 dB stays at 0.035 dB; bound at 0.05
 *       dB;
 *   <li>RMS (frames at or above 1e-3, away from the ends): mean relative error 0.12% and 0.16%,
 *       worst frame 3.7% and 5.2% (about 0.4 dB: frames whose little energy sits in the 6.6-8 kHz
 *       transition band, such as an "s"); bound at 0.5% mean and 8% worst.
 * </ul>
 */
class ResampledParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BANDS_BELOW_6600_HZ = 60;

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
  void logMelMatchesLibrosaWithinATenthOfDbBelow6600HzAboveMinus40Db(String name)
      throws IOException {
    float[][] ours = extract(name).logMel();
    JsonNode theirs = golden(name).get("log_mel");

    assertThat(maxError(ours, theirs, BANDS_BELOW_6600_HZ, -40)).isLessThanOrEqualTo(0.1);
    assertThat(maxError(ours, theirs, BANDS_BELOW_6600_HZ, -60)).isLessThanOrEqualTo(1.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void logMelMeanErrorOverEveryAudibleCellStaysUnderFiveHundredthsOfDb(String name)
      throws IOException {
    float[][] ours = extract(name).logMel();
    JsonNode theirs = golden(name).get("log_mel");

    double sum = 0;
    int cells = 0;
    for (int band = 0; band < ours.length; band++) {
      for (int frame = 0; frame < ours[band].length; frame++) {
        double expected = theirs.get(band).get(frame).asDouble();
        if (expected >= -60) {
          sum += Math.abs(ours[band][frame] - expected);
          cells++;
        }
      }
    }
    assertThat(cells).isGreaterThan(10_000);
    assertThat(sum / cells).isLessThanOrEqualTo(0.05);
  }

  @ParameterizedTest
  @ValueSource(strings = {"speech_22k_mono", "speech_48k_stereo"})
  void rmsMatchesLibrosaWithinAFewPercent(String name) throws IOException {
    float[] ours = extract(name).rms();
    JsonNode theirs = frames(golden(name).get("rms"));

    double worst = 0;
    double sum = 0;
    int frames = 0;
    for (int frame = 1; frame < ours.length - 1; frame++) {
      double expected = theirs.get(frame).asDouble();
      if (expected >= 1e-3) {
        double error = Math.abs(ours[frame] - expected) / expected;
        worst = Math.max(worst, error);
        sum += error;
        frames++;
      }
    }
    assertThat(sum / frames).isLessThanOrEqualTo(0.005);
    assertThat(worst).isLessThanOrEqualTo(0.08);
  }

  /** Max |error| over bands below {@code bands}, frames 1..n-2, cells where librosa >= floorDb. */
  private static double maxError(float[][] ours, JsonNode theirs, int bands, double floorDb) {
    double max = 0;
    for (int band = 0; band < bands; band++) {
      for (int frame = 1; frame < ours[band].length - 1; frame++) {
        double expected = theirs.get(band).get(frame).asDouble();
        if (expected >= floorDb) {
          max = Math.max(max, Math.abs(ours[band][frame] - expected));
        }
      }
    }
    return max;
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
