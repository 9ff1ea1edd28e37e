package dev.ser.training.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.audio.decode.DecodedAudio;
import dev.ser.domain.emotion.Emotion;
import dev.ser.training.codec.RecordingPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Optional<Path>> loadedFrom = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A stand-in model that "hears" the emotion written inside each file. */
  private EvaluateCommand command() {
    return new EvaluateCommand(
        modelDir -> {
          loadedFrom.add(modelDir);
          return new EvaluateCommand.LoadedModel() {
            @Override
            public Emotion classify(Path audio) throws IOException {
              return Emotion.fromLabel(Files.readString(audio));
            }

            @Override
            public Emotion classify(DecodedAudio audio) {
              throw new AssertionError("the stand-in hears the text of files, not audio");
            }

            @Override
            public String version() {
              return "test-1";
            }

            @Override
            public void close() {
              closed.set(true);
            }
          };
        },
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int run(String... args) throws Exception {
    return command().run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @BeforeEach
  void manifest() throws IOException {
    Files.writeString(dir.resolve("a.wav"), "anger");
    Files.writeString(dir.resolve("b.wav"), "sad");
    Files.writeString(dir.resolve("c.wav"), "anger");
    Files.writeString(
        dir.resolve("test.csv"),
        "path,emotion,speaker\na.wav,anger,s1\nb.wav,sad,s1\nc.wav,sad,s2\nmissing.wav,sad,s2\n");
  }

  @Test
  void jsonIsOneObjectWithTheAgreedKeys() throws Exception {
    assertThat(run(dir.resolve("test.csv").toString(), "--json")).isZero();

    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed.lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(printed);
    assertThat(json.fieldNames())
        .toIterable()
        .contains("n", "accuracy", "unweighted_accuracy", "macro_f1", "per_class", "confusion");
    assertThat(json.get("n").asInt()).isEqualTo(3);
    assertThat(json.get("accuracy").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(json.get("unweighted_accuracy").asDouble()).isCloseTo(0.75, within(1e-9));
    assertThat(json.get("per_class").get("sad").get("recall").asDouble()).isEqualTo(0.5);
    assertThat(json.get("skipped").asInt()).isEqualTo(1);
    assertThat(json.get("model").asText()).isEqualTo("test-1");
  }

  @Test
  void unreadableFilesAreReportedOnStderrAndSkipped() throws Exception {
    run(dir.resolve("test.csv").toString());

    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("skipped " + dir.resolve("missing.wav") + ": file not found");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("model               test-1")
        .contains("clips evaluated     3 (1 skipped)")
        .contains("unweighted accuracy 75.0 %");
  }

  @Test
  void loadsTheBundledModelUnlessOneIsNamedAndClosesIt() throws Exception {
    run(dir.resolve("test.csv").toString());
    Path model = Files.createDirectory(dir.resolve("model"));
    run(dir.resolve("test.csv").toString(), "--model", model.toString(), "--threads", "1");

    assertThat(loadedFrom).containsExactly(Optional.empty(), Optional.of(model));
    assertThat(closed).isTrue();
  }

  @Test
  void codecsPrintOneRowPerRecordingPathWithTheBundledModelAndTheWavAgreeingWithItself()
      throws Exception {
    Path speech = dir.resolve("speech.wav");
    try (InputStream wav = getClass().getResourceAsStream("/golden/speech_16k.wav")) {
      Files.write(speech, wav.readAllBytes());
    }
    Files.copy(speech, dir.resolve("again.wav"));
    Files.writeString(
        dir.resolve("speech.csv"), "path,emotion,speaker\nspeech.wav,anger,s1\nagain.wav,sad,s2\n");

    int status =
        new EvaluateCommand()
            .run(
                new String[] {dir.resolve("speech.csv").toString(), "--codecs", "--threads", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("model ").doesNotContain("test-1");
    assertThat(lines.get(1)).startsWith("recording path");
    assertThat(lines).hasSize(3 + RecordingPath.values().length);
    for (RecordingPath path : RecordingPath.values()) {
      assertThat(lines.get(2 + path.ordinal()))
          .startsWith(path.label())
          .containsPattern(" 2 +0 ")
          .containsPattern("(met|missed)$");
    }
    assertThat(lines.get(2)).contains("+0.0", "100.0 %").endsWith("met");
  }

  @Test
  void badCommandLinesAreUsageErrors() {
    String csv = dir.resolve("test.csv").toString();

    assertThatThrownBy(this::run)
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("usage: ./ser evaluate");
    assertThatThrownBy(() -> run(csv, "--frobnicate"))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("unknown option --frobnicate");
    assertThatThrownBy(() -> run(csv, "--model"))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--model needs a model directory");
    assertThatThrownBy(() -> run(csv, "--model", dir.resolve("nope").toString()))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("is not a directory");
    assertThatThrownBy(() -> run(csv, "--codecs", "--json"))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--codecs prints a table");
    assertThatThrownBy(() -> run(csv, "--threads", "zero"))
        .isInstanceOf(Main.UsageException.class)
        .hasMessageContaining("--threads must be a whole number from 1 to 64, not zero");
    assertThat(loadedFrom).isEmpty();
  }

  @Test
  void aBadManifestFailsBeforeTheModelLoads() throws IOException {
    Files.writeString(dir.resolve("bad.csv"), "a.wav,calm\n");

    assertThatThrownBy(() -> run(dir.resolve("bad.csv").toString()))
        .hasMessageContaining("line 1: unknown emotion 'calm'");
    assertThat(loadedFrom).isEmpty();
  }
}
