package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionCsvTest {
  private static final String HEADER =
      "id,created_at,source,filename,model_version,duration_seconds,row,start,end,emotion,"
          + "confidence,anger,disgust,fear,happy,neutral,sad,channel\r\n";

  /** anger, disgust, fear, happy, neutral, sad */
  private static Map<String, Double> probabilities(double... p) {
    String[] labels = {"anger", "disgust", "fear", "happy", "neutral", "sad"};
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < labels.length; i++) {
      map.put(labels[i], p[i]);
    }
    return map;
  }

  private static PredictionJson.Segment segment(double start, double end, double anger) {
    return new PredictionJson.Segment(
        start, end, "anger", anger, probabilities(anger, 0, 0, 0, 1 - anger, 0));
  }

  private static PredictionJson prediction(
      String filename,
      List<PredictionJson.Segment> segments,
      List<PredictionJson.Segment> timeline,
      List<PredictionJson.Channel> channels) {
    return new PredictionJson(
        "r1",
        "anger",
        0.75,
        false,
        probabilities(0.75, 0, 0, 0, 0.25, 0),
        4.5,
        "cnn-gru-5",
        "upload",
        filename,
        "2026-01-02T03:04:05Z",
        timeline,
        segments,
        channels);
  }

  private static String csv(PredictionJson... predictions) throws IOException {
    StringBuilder out = new StringBuilder();
    PredictionCsv.write(List.of(predictions), out);
    return out.toString();
  }

  @Test
  void plainFieldsAreWrittenAsTheyAre() {
    assertThat(PredictionCsv.field("speech.wav")).isEqualTo("speech.wav");
    assertThat(PredictionCsv.field("")).isEmpty();
    assertThat(PredictionCsv.field("Wściekłość; 'ok'")).isEqualTo("Wściekłość; 'ok'");
  }

  @Test
  void fieldsWithACommaQuoteOrLineBreakAreQuotedWithTheirQuotesDoubled() {
    assertThat(PredictionCsv.field("call, part 1.wav")).isEqualTo("\"call, part 1.wav\"");
    assertThat(PredictionCsv.field("the \"angry\" one.wav"))
        .isEqualTo("\"the \"\"angry\"\" one.wav\"");
    assertThat(PredictionCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(PredictionCsv.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
    assertThat(PredictionCsv.field("\"")).isEqualTo("\"\"\"\"");
  }

  @Test
  void numbersReadBackExactlyAndNeverInExponentForm() {
    assertThat(PredictionCsv.number(0)).isEqualTo("0.0");
    assertThat(PredictionCsv.number(4.85)).isEqualTo("4.85");
    assertThat(PredictionCsv.number(1.0E-5)).isEqualTo("0.000010");
    double awkward = 0.1 + 0.2;
    assertThat(Double.parseDouble(PredictionCsv.number(awkward))).isEqualTo(awkward);
  }

  @Test
  void withoutPredictionsItIsTheHeaderAlone() throws IOException {
    assertThat(csv()).isEqualTo(HEADER);
  }

  @Test
  void aMixedRecordingIsItsClipThenItsSegmentsThenItsWindowsWithCrlfLineEnds() throws IOException {
    PredictionJson mixed =
        prediction(
            "call, \"final\".wav",
            List.of(segment(0.5, 4.0, 0.75)),
            List.of(segment(0, 3, 0.5), segment(1.5, 4.5, 0.875)),
            List.of());

    String recording = "r1,2026-01-02T03:04:05Z,upload,\"call, \"\"final\"\".wav\",cnn-gru-5,4.5,";
    assertThat(csv(mixed))
        .isEqualTo(
            HEADER
                + recording
                + "clip,0.0,4.5,anger,0.75,0.75,0.0,0.0,0.0,0.25,0.0,\r\n"
                + recording
                + "segment,0.5,4.0,anger,0.75,0.75,0.0,0.0,0.0,0.25,0.0,\r\n"
                + recording
                + "window,0.0,3.0,anger,0.5,0.5,0.0,0.0,0.0,0.5,0.0,\r\n"
                + recording
                + "window,1.5,4.5,anger,0.875,0.875,0.0,0.0,0.0,0.125,0.0,\r\n");
  }

  @Test
  void separateChannelsFollowTheMeanEachWithItsNumberAndAChannelWithoutSpeechHasNoScores()
      throws IOException {
    PredictionJson.Channel left =
        new PredictionJson.Channel(
            0,
            true,
            "anger",
            0.75,
            probabilities(0.75, 0, 0, 0, 0.25, 0),
            List.of(segment(0.5, 4.0, 0.75)),
            List.of(segment(0, 3, 0.5)));
    PredictionJson.Channel right =
        new PredictionJson.Channel(1, false, null, null, null, List.of(), List.of());

    String recording = "r1,2026-01-02T03:04:05Z,upload,,cnn-gru-5,4.5,";
    assertThat(csv(prediction(null, List.of(), List.of(), List.of(left, right))))
        .isEqualTo(
            HEADER
                + recording
                + "clip,0.0,4.5,anger,0.75,0.75,0.0,0.0,0.0,0.25,0.0,\r\n"
                + recording
                + "clip,0.0,4.5,anger,0.75,0.75,0.0,0.0,0.0,0.25,0.0,0\r\n"
                + recording
                + "segment,0.5,4.0,anger,0.75,0.75,0.0,0.0,0.0,0.25,0.0,0\r\n"
                + recording
                + "window,0.0,3.0,anger,0.5,0.5,0.0,0.0,0.0,0.5,0.0,0\r\n"
                + recording
                + "clip,0.0,4.5,,,,,,,,,1\r\n");
  }

  @Test
  void theHeaderIsTheDocumentedColumnsInOrder() {
    assertThat(String.join(",", PredictionCsv.COLUMNS) + "\r\n").isEqualTo(HEADER);
  }
}
