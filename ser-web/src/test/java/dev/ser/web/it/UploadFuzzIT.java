package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ser.audio.decode.fuzz.Mutant;
import dev.ser.audio.decode.fuzz.Mutator;
import dev.ser.audio.decode.fuzz.SeedFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6's upload fuzz in the reduced form CI runs ({@code ./ser fuzz http} is the full one): 300
 * seeded mutants of every seed format ({@link Mutator}), and every file of the regression corpus,
 * posted to the real application. Each answer is a 201 or a 4xx with a JSON {@code {error,
 * message}} body, never a 5xx, HTML or a stack trace, within 2 s; afterwards the application is
 * still ready and holds exactly one prediction, recording and blob per 201.
 */
class UploadFuzzIT {
  private static final int MUTANTS = 300;
  private static final long RUN_SEED = 20_261_124;
  private static final long HANG_NANOS = 2_000_000_000L;

  /** Inputs that once broke the decoder or the server, as files. */
  private static final Path CORPUS = Path.of("src/test/resources/fuzz-regression");

  /** The decoder fuzz's own crasher, from ser-audio's test resources (the fuzz harness jar). */
  private static final String DECODER_CRASHER = "/formats/damaged_speech_16k.m4a";

  private static final Api api = new Api();

  /**
   * A fresh server's first analyses pay for class loading, JIT and the model's first runs (seconds,
   * not milliseconds); the seeds go first, untimed, so the 2 s limit measures the inputs.
   */
  @BeforeAll
  static void warmUp() {
    for (SeedFormat format : SeedFormat.values()) {
      api.postMultipart(
          "speech_16k." + format.extension(), format.mediaType(), format.bytes(), null);
      api.postRaw(format.mediaType(), format.bytes(), null);
    }
  }

  @Test
  void mutatedUploadsAreCreatedOrRefusedAsJsonInTimeAndNothingIsHalfStored() throws IOException {
    long predictions = api.count("SELECT count(*) FROM predictions");
    long recordings = api.count("SELECT count(*) FROM recordings");
    long blobs = blobCount();
    Mutator mutator = new Mutator(RUN_SEED);
    int created = 0;

    for (int i = 0; i < MUTANTS; i++) {
      Mutant mutant = mutator.mutant(i);
      if (post(mutant.fileName(), mutant.format(), mutant.bytes(), i % 2 == 0) == 201) {
        created++;
      }
    }

    assertThat(created).as("some mutants are still speech").isPositive();
    assertThat(api.get("health/ready", null).status()).isEqualTo(200);
    assertThat(api.count("SELECT count(*) FROM predictions")).isEqualTo(predictions + created);
    assertThat(api.count("SELECT count(*) FROM recordings")).isEqualTo(recordings + created);
    assertThat(blobCount()).isEqualTo(blobs + created);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressionCorpus")
  void regressionInputIsCreatedOrRefusedAsJsonInTime(String name, byte[] file) {
    SeedFormat format = SeedFormat.ofExtension(name.substring(name.lastIndexOf('.') + 1));

    post(name, format, file, true);
    post(name, format, file, false);
  }

  static Stream<Arguments> regressionCorpus() throws IOException {
    List<Arguments> files = new ArrayList<>();
    try (InputStream crasher = SeedFormat.class.getResourceAsStream(DECODER_CRASHER)) {
      files.add(Arguments.of("damaged_speech_16k.m4a", crasher.readAllBytes()));
    }
    try (Stream<Path> corpus = Files.list(CORPUS)) {
      for (Path file : corpus.filter(UploadFuzzIT::isAudio).sorted().toList()) {
        files.add(Arguments.of(file.getFileName().toString(), Files.readAllBytes(file)));
      }
    }
    return files.stream();
  }

  /** Corpus files are named for their format; notes about them sit next to them. */
  private static boolean isAudio(Path file) {
    String name = file.getFileName().toString();
    return Stream.of(SeedFormat.values()).anyMatch(f -> name.endsWith("." + f.extension()));
  }

  /** Posts as multipart or raw body, asserts the answer keeps the rules, returns its status. */
  private static int post(String name, SeedFormat format, byte[] bytes, boolean multipart) {
    long sent = System.nanoTime();
    Api.Answer answer =
        multipart
            ? api.postMultipart(name, format.mediaType(), bytes, null)
            : api.postRaw(format.mediaType(), bytes, null);
    long took = System.nanoTime() - sent;
    String what = name + (multipart ? " (multipart)" : " (raw)") + ": " + answer.body();

    assertThat(took).as(what).isLessThanOrEqualTo(HANG_NANOS);
    assertThat(answer.status() == 201 || answer.status() / 100 == 4)
        .as("201 or 4xx, got %d for %s", answer.status(), what)
        .isTrue();
    assertThat(answer.headers().firstValue("Content-Type"))
        .as(what)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.body()).as(what).doesNotContain("Exception", "\tat ", "<html");
    JsonNode json = answer.json();
    if (answer.status() != 201) {
      assertThat(json.path("error").asText()).as(what).isNotBlank();
      assertThat(json.path("message").asText()).as(what).isNotBlank();
    }
    return answer.status();
  }

  private static long blobCount() throws IOException {
    Path recordings = api.app.audioDirectory().resolve("recordings");
    if (!Files.isDirectory(recordings)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(recordings)) {
      return files.filter(Files::isRegularFile).count();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
