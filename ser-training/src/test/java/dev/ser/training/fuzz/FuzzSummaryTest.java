package dev.ser.training.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ser.audio.decode.fuzz.SeedFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FuzzSummaryTest {
  private static final String JSON = "application/json";

  @Test
  void countsCreatedRefusedAndBrokenByFormat() {
    FuzzSummary summary = new FuzzSummary();
    summary.add(SeedFormat.MP3, new Answer(201, JSON, "{}", 10_000_000L));
    summary.add(SeedFormat.MP3, refusal("corrupt_audio", 20_000_000L));
    summary.add(SeedFormat.MP3, refusal("corrupt_audio", 30_000_000L));
    summary.add(SeedFormat.WAV, refusal("unsupported_audio", 40_000_000L));
    summary.add(SeedFormat.WAV, new Answer(500, JSON, "{}", 3_000_000_000L));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String table = bytes.toString(StandardCharsets.UTF_8);

    assertThat(summary.files()).isEqualTo(5);
    assertThat(summary.created()).isEqualTo(1);
    assertThat(summary.problems()).isEqualTo(1);
    assertThat(summary.latency().maxMs()).isEqualTo(3000.0);
    assertThat(table)
        .containsPattern("wav\\s+2\\s+0\\s+1\\s+1\\s+3000\\s+3000\\s+unsupported_audio 1")
        .containsPattern("mp3\\s+3\\s+1\\s+0\\s+0\\s+30\\s+30\\s+corrupt_audio 2")
        .containsPattern("all\\s+5\\s+1\\s+1\\s+1");
  }

  private static Answer refusal(String code, long nanos) {
    return new Answer(400, JSON, "{\"error\":\"" + code + "\",\"message\":\"no\"}", nanos);
  }
}
