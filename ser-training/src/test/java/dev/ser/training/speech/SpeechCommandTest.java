package dev.ser.training.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.training.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpeechCommandTest {
  @Test
  void printsARowPerKindOfGeneratedSoundAndTheTotal() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    int status =
        new SpeechCommand()
            .run(
                new String[] {"--generated", "30", "--seed", "3", "--threads", "1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(out).contains("generated non-speech (seed 3)");
    for (NonSpeech.Kind kind : NonSpeech.Kind.values()) {
      assertThat(out).containsPattern("(?m)^" + kind.name().toLowerCase() + " +2 +[0-2] ");
    }
    assertThat(out).containsPattern("(?m)^all +30 +\\d+ +\\d+\\.\\d\\d %$");
  }

  @Test
  void refusesACommandLineWithNothingToMeasure() {
    assertThatThrownBy(() -> new SpeechCommand().run(new String[0], System.out))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("usage: ./ser speech");
    assertThatThrownBy(
            () -> new SpeechCommand().run(new String[] {"--generated", "many"}, System.out))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("needs a number");
  }
}
