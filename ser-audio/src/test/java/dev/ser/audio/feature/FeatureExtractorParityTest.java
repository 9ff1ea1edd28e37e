package dev.ser.audio.feature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extractor against librosa 0.10.2's own numbers for every 16 kHz golden input, with the
 * model's spec and with librosa's defaults. Tolerances are the contract of issue 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureExtractorParityTest {
  private final FeatureExtractor model = new FeatureExtractor(FeatureSpec.modelDefault());
  private final FeatureExtractor defaults =
      new FeatureExtractor(FeatureSpec.librosaDefaults(16_000));

  record Case(Golden golden, Features ours, Features oursWithDefaults) {
    @Override
    public String toString() {
      return golden.name();
    }
  }

  private Case[] cases;

  @BeforeAll
  void extractEveryInput() {
    cases =
        Arrays.stream(Golden.AT_16K)
            .map(Golden::load)
            .map(g -> new Case(g, model.extract(g.samples()), defaults.extract(g.samples())))
            .toArray(Case[]::new);
  }

  Stream<Case> inputs() {
    return Arrays.stream(cases);
  }

  /** The recorded speech inputs, for which the golden files also hold librosa's defaults. */
  Stream<Case> inputsWithLibrosaDefaults() {
    return Arrays.stream(cases).filter(c -> c.golden().librosaDefaults() != null);
  }

  @Test
  void everySpeechInputHasLibrosaDefaults() {
    assertThat(inputsWithLibrosaDefaults().map(Case::toString))
        .containsExactlyInAnyOrder("speech_16k", "ravdess_angry_actor03", "ravdess_sad_actor12");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void frameCountsMatchLibrosa(Case c) {
    int frames = c.golden().vector("zcr").length;
    assertThat(c.ours().frames()).isEqualTo(frames);
    assertThat(c.ours().melPower()).hasNumberOfRows(64);
    assertThat(c.ours().melPower()[0]).hasSize(frames);
    assertThat(c.ours().mfcc()).hasNumberOfRows(40);
    assertThat(c.ours().mfcc()[0]).hasSize(frames);
    assertThat(c.ours().rms()).hasSize(frames);
    assertThat(c.golden().matrix("log_mel")[0]).hasSize(frames);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void logMelMatchesLibrosaWithinHundredthOfDbAboveMinus60Db(Case c) {
    float[][] expected = c.golden().matrix("log_mel");
    assertThat(maxAbsError(c.ours().logMel(), expected, -60)).isLessThanOrEqualTo(0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void logMelMatchesLibrosaWithinTenthOfDbEverywhere(Case c) {
    float[][] expected = c.golden().matrix("log_mel");
    assertThat(maxAbsError(c.ours().logMel(), expected, Double.NEGATIVE_INFINITY))
        .isLessThanOrEqualTo(0.1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void melPowerMatchesLibrosaInDecibels(Case c) {
    assertThat(maxDbError(c.ours().melPower(), c.golden().matrix("mel_power")))
        .isLessThanOrEqualTo(0.01);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void mfccMatchesLibrosaWithinThousandthOfItsRange(Case c) {
    float[][] expected = c.golden().matrix("mfcc");
    assertThat(maxAbsError(c.ours().mfcc(), expected, Double.NEGATIVE_INFINITY))
        .isLessThanOrEqualTo(1e-3 * maxAbs(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void zeroCrossingRateMatchesLibrosa(Case c) {
    float[] expected = c.golden().vector("zcr");
    assertThat(maxAbsError(c.ours().zcr(), expected)).isLessThanOrEqualTo(1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void rmsMatchesLibrosaWithinRelativeTenThousandth(Case c) {
    assertThat(maxRelativeError(c.ours().rms(), c.golden().vector("rms"), 1e-6))
        .isLessThanOrEqualTo(1e-4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputsWithLibrosaDefaults")
  void librosaDefaultsMatchLibrosa(Case c) {
    JsonNode block = c.golden().librosaDefaults();
    Features ours = c.oursWithDefaults();
    float[] zcr = Golden.vector(block.get("zcr"));
    float[][] mfcc = Golden.matrix(block.get("mfcc"));
    assertThat(ours.frames()).isEqualTo(zcr.length);
    assertThat(ours.melPower()).hasNumberOfRows(128);
    assertThat(ours.mfcc()).hasNumberOfRows(20);
    assertThat(maxDbError(ours.melPower(), Golden.matrix(block.get("mel_power"))))
        .isLessThanOrEqualTo(0.01);
    assertThat(maxAbsError(ours.mfcc(), mfcc, Double.NEGATIVE_INFINITY))
        .isLessThanOrEqualTo(1e-3 * maxAbs(mfcc));
    assertThat(maxAbsError(ours.zcr(), zcr)).isLessThanOrEqualTo(1e-6);
    assertThat(maxRelativeError(ours.rms(), Golden.vector(block.get("rms")), 1e-6))
        .isLessThanOrEqualTo(1e-4);
  }

  /** Largest |ours - expected| over the cells where {@code expected >= from}. */
  static double maxAbsError(float[][] ours, float[][] expected, double from) {
    assertThat(ours).hasNumberOfRows(expected.length);
    double max = 0;
    for (int r = 0; r < expected.length; r++) {
      assertThat(ours[r]).hasSameSizeAs(expected[r]);
      for (int t = 0; t < expected[r].length; t++) {
        if (expected[r][t] >= from) {
          max = Math.max(max, Math.abs(ours[r][t] - expected[r][t]));
        }
      }
    }
    return max;
  }

  static double maxAbsError(float[] ours, float[] expected) {
    assertThat(ours).hasSameSizeAs(expected);
    double max = 0;
    for (int t = 0; t < expected.length; t++) {
      max = Math.max(max, Math.abs(ours[t] - expected[t]));
    }
    return max;
  }

  /** Largest relative error over the cells where {@code expected >= from}. */
  static double maxRelativeError(float[] ours, float[] expected, double from) {
    assertThat(ours).hasSameSizeAs(expected);
    double max = 0;
    for (int t = 0; t < expected.length; t++) {
      if (expected[t] >= from) {
        max = Math.max(max, Math.abs(ours[t] - expected[t]) / expected[t]);
      }
    }
    return max;
  }

  /** Largest dB difference of two power matrices over the cells librosa puts at >= -60 dB. */
  static double maxDbError(float[][] ours, float[][] expected) {
    assertThat(ours).hasNumberOfRows(expected.length);
    double max = 0;
    for (int r = 0; r < expected.length; r++) {
      assertThat(ours[r]).hasSameSizeAs(expected[r]);
      for (int t = 0; t < expected[r].length; t++) {
        if (expected[r][t] >= 1e-6) {
          double error = 10 * Math.abs(Math.log10(ours[r][t] / (double) expected[r][t]));
          max = Math.max(max, error);
        }
      }
    }
    return max;
  }

  static double maxAbs(float[][] m) {
    double max = 0;
    for (float[] row : m) {
      for (float v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }
}
