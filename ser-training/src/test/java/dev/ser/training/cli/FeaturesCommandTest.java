package dev.ser.training.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ser features} through {@link Main#run}, as the launcher calls it. */
class FeaturesCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsOneJsonObjectWithLibrosaShapedFeatures() throws IOException {
    Path wav = writeSineWav(dir.resolve("tone.wav"), 44_100, 2, 1.0);

    int status = run("features", wav.toString());

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed.strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(printed);
    assertThat(json.fieldNames())
        .toIterable()
        .contains("sample_rate", "frames", "mel_power", "log_mel", "mfcc", "zcr", "rms", "spec");
    int frames = 1 + 16_000 / 160;
    assertThat(json.get("sample_rate").asInt()).isEqualTo(16_000);
    assertThat(json.get("frames").asInt()).isEqualTo(frames);
    assertShape(json.get("mel_power"), 64, frames);
    assertShape(json.get("log_mel"), 64, frames);
    assertShape(json.get("mfcc"), 40, frames);
    assertThat(json.get("zcr")).hasSize(frames);
    assertThat(json.get("rms")).hasSize(frames);
    assertThat(json.get("source").get("sample_rate").asInt()).isEqualTo(44_100);
    assertThat(json.get("source").get("channels").asInt()).isEqualTo(2);
  }

  @Test
  void featuresDescribeTheSignal() throws IOException {
    Path wav = writeSineWav(dir.resolve("tone.wav"), 16_000, 1, 1.0);

    run("features", wav.toString());

    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    double expectedRms = 0.5 / Math.sqrt(2);
    assertThat(json.get("rms").get(50).asDouble()).isCloseTo(expectedRms, within(0.01));
    double expectedZcr = 2 * 1_000.0 / 16_000;
    assertThat(json.get("zcr").get(50).asDouble()).isCloseTo(expectedZcr, within(0.01));
    JsonNode logMel = json.get("log_mel");
    int loudest = 0;
    for (int band = 1; band < logMel.size(); band++) {
      if (logMel.get(band).get(50).asDouble() > logMel.get(loudest).get(50).asDouble()) {
        loudest = band;
      }
    }
    assertThat(loudest).as("bands 20 and 21 are centred at 972 and 1020 Hz").isBetween(20, 21);
  }

  @Test
  void specIsPrintedUnderLibrosaNames() throws IOException {
    run("features", writeSineWav(dir.resolve("tone.wav"), 16_000, 1, 1.0).toString());

    JsonNode spec = new ObjectMapper().readTree(out.toByteArray()).get("spec");
    assertThat(spec.get("sr").asInt()).isEqualTo(16_000);
    assertThat(spec.get("n_fft").asInt()).isEqualTo(512);
    assertThat(spec.get("win_length").asInt()).isEqualTo(400);
    assertThat(spec.get("hop_length").asInt()).isEqualTo(160);
    assertThat(spec.get("n_mels").asInt()).isEqualTo(64);
    assertThat(spec.get("norm").asText()).isEqualTo("slaney");
    assertThat(spec.get("top_db").asDouble()).isEqualTo(80);
    assertThat(spec.get("n_mfcc").asInt()).isEqualTo(40);
  }

  @Test
  void librosaDefaultsOptionUsesLibrosasOwnParameters() throws IOException {
    Path wav = writeSineWav(dir.resolve("tone.wav"), 16_000, 1, 1.0);

    run("features", "--librosa-defaults", wav.toString());

    JsonNode json = new ObjectMapper().readTree(out.toByteArray());
    assertThat(json.get("spec").get("n_fft").asInt()).isEqualTo(2048);
    assertThat(json.get("frames").asInt()).isEqualTo(1 + 16_000 / 512);
    assertShape(json.get("mel_power"), 128, 1 + 16_000 / 512);
    assertShape(json.get("mfcc"), 20, 1 + 16_000 / 512);
  }

  @Test
  void acceptsClipsShorterThanTheAnalysisMinimum() throws IOException {
    Path wav = writeSineWav(dir.resolve("short.wav"), 16_000, 1, 0.1);

    assertThat(run("features", wav.toString())).isZero();
    assertThat(new ObjectMapper().readTree(out.toByteArray()).get("frames").asInt()).isEqualTo(11);
  }

  @Test
  void textFileGivesOneLineErrorAndNonZeroExit() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all\n".repeat(100));

    int status = run("features", text.toString());

    assertThat(status).isNotZero();
    assertThat(out.size()).isZero();
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message.lines()).hasSize(1);
    assertThat(message).startsWith("ser features: ").contains("not audio");
  }

  @Test
  void missingFileGivesOneLineError() {
    int status = run("features", dir.resolve("absent.wav").toString());

    assertThat(status).isNotZero();
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
  }

  @Test
  void missingArgumentIsAUsageError() {
    assertThat(run("features")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
  }

  private static void assertShape(JsonNode matrix, int rows, int columns) {
    assertThat(matrix).hasSize(rows);
    for (JsonNode row : matrix) {
      assertThat(row).hasSize(columns);
    }
  }

  /** A 1 kHz sine at amplitude 0.5 in every channel, 16-bit PCM. */
  private static Path writeSineWav(Path file, int rate, int channels, double seconds)
      throws IOException {
    int frames = (int) Math.round(rate * seconds);
    ByteBuffer b = ByteBuffer.allocate(44 + frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * channels * 2);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2);
    b.putShort((short) (channels * 2)).putShort((short) 16);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * channels * 2);
    for (int i = 0; i < frames; i++) {
      short value = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 1_000 * i / rate));
      for (int c = 0; c < channels; c++) {
        b.putShort(value);
      }
    }
    return Files.write(file, b.array());
  }
}
