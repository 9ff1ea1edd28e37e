package dev.ser.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.decode.AudioDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ser predict} with the bundled model. */
class PredictCommandTest {

  /**
   * A 16 kHz mono 16-bit WAV of the first {@code seconds} of the golden speech clip (a tone would
   * now be refused as no speech).
   */
  private static Path wav(Path dir, String name, double seconds) throws IOException {
    float[] speech;
    try (InputStream in = PredictCommandTest.class.getResourceAsStream("/golden/speech_16k.wav")) {
      speech = new AudioDecoder().decode(in.readAllBytes()).samples();
    }
    int n = (int) (seconds * 16_000);
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * n);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    b.putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * n);
    for (int i = 0; i < n; i++) {
      b.putShort((short) Math.round(Math.max(-1, Math.min(1, speech[i])) * 32767));
    }
    Path file = dir.resolve(name);
    Files.write(file, b.array());
    return file;
  }

  @Test
  void printsOneJsonObjectPerFileAndReportsABadFileWithoutStopping(@TempDir Path dir)
      throws Exception {
    Path shortClip = wav(dir, "short.wav", 2.0);
    Path longClip = wav(dir, "long.wav", 4.5);
    Path bad = Files.writeString(dir.resolve("notes.wav"), "this is not audio");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        new PredictCommand(new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(
                new String[] {shortClip.toString(), bad.toString(), longClip.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertThat(first.get("file").asText()).isEqualTo(shortClip.toString());
    assertThat(first.get("duration_seconds").asDouble()).isEqualTo(2.0);
    assertThat(first.get("timeline")).isEmpty();
    double sum = 0;
    double top = 0;
    for (Iterator<JsonNode> p = first.get("probabilities").elements(); p.hasNext(); ) {
      double value = p.next().asDouble();
      sum += value;
      top = Math.max(top, value);
    }
    assertThat(sum).isBetween(0.999, 1.001);
    assertThat(first.get("confidence").asDouble()).isEqualTo(top);
    assertThat(first.get("probabilities").get(first.get("emotion").asText()).asDouble())
        .isEqualTo(top);
    assertThat(first.get("model_version").asText()).isNotBlank();

    JsonNode second = new ObjectMapper().readTree(lines.get(1));
    assertThat(second.get("file").asText()).isEqualTo(longClip.toString());
    assertThat(second.get("timeline")).hasSize(3);
    assertThat(second.get("segments")).isNotEmpty();
    assertThat(second.get("segments").get(0).get("end_seconds").asDouble())
        .isLessThanOrEqualTo(4.5);
    assertThat(second.get("timeline").get(1).get("start_seconds").asDouble()).isEqualTo(1.0);

    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors.lines()).hasSize(1);
    assertThat(errors).contains("notes.wav").doesNotContain("Exception");
  }

  @Test
  void missingFileIsReportedAsSuch(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        new PredictCommand(new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(
                new String[] {dir.resolve("nothing.wav").toString()},
                new PrintStream(new ByteArrayOutputStream()));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing.wav: no such file");
  }
}
