package dev.ser.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainCommandTest {

  @Test
  void refusesToTrainAModelWithoutAVersionOfItsOwn(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Main.run(
            new String[] {
              "train", "--data", "ravdess:" + dir, "--out", dir.resolve("m").toString()
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--version V").hasLineCount(1);
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @Test
  void refusesAMelWarpThatWouldFoldTheMelAxis(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Main.run(
            new String[] {
              "train",
              "--data",
              "ravdess:" + dir,
              "--out",
              dir.resolve("m").toString(),
              "--version",
              "test-1",
              "--max-warp",
              "0.5"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--max-warp", "[0, 0.5)");
    assertThat(dir.resolve("m")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "11", "NaN", "strong"})
  void refusesASpeakerAdversaryWeightOutsideZeroToTen(String weight, @TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Main.run(
            new String[] {
              "train",
              "--data",
              "ravdess:" + dir,
              "--out",
              dir.resolve("m").toString(),
              "--version",
              "test-1",
              "--speaker-adversary",
              weight
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--speaker-adversary", "[0, 10]", weight);
    assertThat(dir.resolve("m")).doesNotExist();
  }
}
