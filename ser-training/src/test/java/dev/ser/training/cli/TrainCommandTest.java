package dev.ser.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainCommandTest {

  @Test
  void refusesToTrainAModelWithoutAVersionOfItsOwn(@TempDir Path dir) {
    String err = refused(dir, "--data", "ravdess:" + dir, "--out", dir.resolve("m").toString());

    assertThat(err).contains("--version V").hasLineCount(1);
  }

  @Test
  void refusesAMelWarpThatWouldFoldTheMelAxis(@TempDir Path dir) {
    String err = refused(dir, validArguments(dir, "--max-warp", "0.5"));

    assertThat(err).contains("--max-warp", "[0, 0.5)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "11", "NaN", "strong"})
  void refusesASpeakerAdversaryWeightOutsideZeroToTen(String weight, @TempDir Path dir) {
    String err = refused(dir, validArguments(dir, "--speaker-adversary", weight));

    assertThat(err).contains("--speaker-adversary", "[0, 10]", weight);
  }

  private static String[] validArguments(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                "ravdess:" + dir,
                "--out",
                dir.resolve("m").toString(),
                "--version",
                "test-1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /**
   * Runs {@code ./ser train ARGS}, checks it is refused as a usage error (status 2) before anything
   * is written, and returns what it said.
   */
  private static String refused(Path dir, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "train";
    System.arraycopy(args, 0, command, 1, args.length);

    int status =
        Main.run(
            command,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(dir.resolve("m")).doesNotExist();
    return err.toString(StandardCharsets.UTF_8);
  }
}
