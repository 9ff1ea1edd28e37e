package dev.ser.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} counts what the service does: each answered analysis by emotion and source, each
 * refusal by its code, the analysis time, and the model that answers.
 */
class MetricsIT {
  private final Api api = new Api();

  @Test
  void analysesAndRefusalsAreCountedByEmotionAndCode() {
    Api.Answer first = api.postRaw("audio/wav", Api.resource("speech_16k.wav"), null);
    assertThat(first.status()).isEqualTo(201);
    String emotion = first.json().get("emotion").asText();
    String predicted = "ser_predictions_total{emotion=\"" + emotion + "\",";
    double before = value(metrics(), predicted, "source=\"upload\"");
    double refusedBefore = value(metrics(), "ser_analysis_errors_total{", "code=\"no_speech\"");

    assertThat(api.postRaw("audio/wav", Api.resource("speech_16k.wav"), null).status())
        .isEqualTo(201);
    assertThat(api.postRaw("audio/wav", Api.resource("sine_440hz_1s.wav"), null).status())
        .isEqualTo(400);

    String after = metrics();
    assertThat(value(after, predicted, "source=\"upload\"")).isEqualTo(before + 1);
    assertThat(value(after, "ser_analysis_errors_total{", "code=\"no_speech\""))
        .isEqualTo(refusedBefore + 1);
    assertThat(value(after, "ser_analysis_seconds_count{", "source=\"upload\""))
        .as(after)
        .isGreaterThanOrEqualTo(2);
    assertThat(value(after, "ser_model_info{", "version=\"cnn-gru-")).isEqualTo(1);
    assertThat(after).contains("ser_live_streams");
  }

  private String metrics() {
    Api.Answer answer =
        api.send(
            HttpRequest.newBuilder(api.uri("metrics?scope=application"))
                .header("Accept", "text/plain")
                .GET());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The value of the one sample line starting with {@code prefix} that contains {@code label}. */
  private static double value(String metrics, String prefix, String label) {
    return Arrays.stream(metrics.split("\n"))
        .filter(line -> line.startsWith(prefix) && line.contains(label))
        .map(MetricsIT::sampleValue)
        .findFirst()
        .orElse(0.0);
  }

  private static double sampleValue(String line) {
    Matcher number = Pattern.compile("} ([-0-9.eE+]+)").matcher(line);
    if (!number.find()) {
      throw new AssertionError("no value in " + line);
    }
    return Double.parseDouble(number.group(1));
  }
}
