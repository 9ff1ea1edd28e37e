package dev.ser.audio.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerToDbTest {

  @Test
  void equalsTenLog10AcrossTheWholeFloatRange() {
    Random random = new Random(5);
    float[][] power = new float[1][20_000];
    for (int t = 0; t < power[0].length; t++) {
      power[0][t] = (float) Math.pow(10, -9.5 + 45 * random.nextDouble());
    }
    float[][] db = new PowerToDb(1.0, 1e-10, 0).apply(power);
    for (int t = 0; t < power[0].length; t++) {
      assertThat((double) db[0][t])
          .isCloseTo(10 * Math.log10(power[0][t]), within(1e-5 * (1 + Math.abs(db[0][t]))));
    }
  }

  @Test
  void exactPowersOfTenGiveWholeDecibels() {
    float[][] db = new PowerToDb(1.0, 1e-10, 0).apply(new float[][] {{1f, 10f, 100f, 1e-3f}});
    assertThat(db[0]).containsExactly(new float[] {0f, 10f, 20f, -30f}, within(1e-5f));
  }

  @Test
  void silenceIsClampedToAmin() {
    float[][] db = new PowerToDb(1.0, 1e-10, 80).apply(new float[2][5]);
    for (float[] row : db) {
      assertThat(row).containsOnly(-100f);
    }
  }

  @Test
  void cellsMoreThanTopDbBelowTheMaximumAreRaisedToTheFloor() {
    float[][] db = new PowerToDb(1.0, 1e-10, 80).apply(new float[][] {{1e2f, 1e-7f}, {0f, 1e-3f}});
    assertThat(db[0]).containsExactly(new float[] {20f, -60f}, within(1e-4f));
    assertThat(db[1]).containsExactly(new float[] {-60f, -30f}, within(1e-4f));
  }

  @Test
  void refSetsTheZeroDecibelLevel() {
    float[][] db = new PowerToDb(10.0, 1e-10, 0).apply(new float[][] {{10f, 1f}});
    assertThat(db[0]).containsExactly(new float[] {0f, -10f}, within(1e-5f));
  }

  @Test
  void subnormalAminStillGivesTheExactLogarithm() {
    float[][] db = new PowerToDb(1.0, 1e-42, 0).apply(new float[][] {{0f, 1e-40f, 4f}});
    assertThat((double) db[0][0]).isCloseTo(-420, within(1e-3));
    assertThat((double) db[0][1]).isCloseTo(-400, within(1e-2));
    assertThat((double) db[0][2]).isCloseTo(10 * Math.log10(4), within(1e-5));
  }

  @Test
  void rejectsANonPositiveAmin() {
    assertThatThrownBy(() -> new PowerToDb(1.0, 0, 80))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
