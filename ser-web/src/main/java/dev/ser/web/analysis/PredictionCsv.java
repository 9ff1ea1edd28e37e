package dev.ser.web.analysis;

import dev.ser.domain.emotion.Emotion;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Predictions as CSV (RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma,
 * a quote, CR or LF, with its quotes doubled), one row per stretch of each recording: {@code row}
 * is {@code clip} for the whole recording (start 0, end its duration), {@code segment} for each
 * stretch of speech and {@code window} for each window of the timeline, in that order. A recording
 * analysed with {@code channels=separate} has one more {@code clip} row per channel, each followed
 * by that channel's segments and windows, with {@code channel} its number from 0 as in the JSON
 * (empty on every row of a mixed recording, and on the first {@code clip} row, the channels' mean);
 * a channel without speech has an empty emotion, confidence and probabilities.
 *
 * <p>Numbers are written without exponent, each exactly as precise as the JSON's (they parse to the
 * same {@code double}); times are seconds from the start.
 */
public final class PredictionCsv {
  /** The media type, with the RFC 4180 parameters that say how to read it. */
  public static final String MEDIA_TYPE = "text/csv; charset=UTF-8; header=present";

  /** The columns, in order: the recording's, then the stretch's, then the six probabilities. */
  public static final List<String> COLUMNS =
      Stream.of(
              Stream.of(
                  "id",
                  "created_at",
                  "source",
                  "filename",
                  "model_version",
                  "duration_seconds",
                  "row",
                  "start",
                  "end",
                  "emotion",
                  "confidence"),
              Arrays.stream(Emotion.values()).map(Emotion::label),
              Stream.of("channel"))
          .flatMap(s -> s)
          .toList();

  private static final String LINE_END = "\r\n";

  /** The {@code channel} of a mixed recording's rows, and of the channels' mean. */
  private static final String NO_CHANNEL = "";

  private PredictionCsv() {}

  /** Writes the header and then every prediction's rows, in the order given. */
  public static void write(List<PredictionJson> predictions, Appendable out) throws IOException {
    record(COLUMNS, out);
    for (PredictionJson prediction : predictions) {
      writeRows(prediction, out);
    }
  }

  private static void writeRows(PredictionJson p, Appendable out) throws IOException {
    String start = number(0);
    String duration = number(p.durationSeconds());
    List<String> recording =
        List.of(
            p.id(),
            p.createdAt(),
            p.source(),
            p.filename() == null ? "" : p.filename(),
            p.modelVersion(),
            duration);
    row(
        recording,
        "clip",
        start,
        duration,
        p.emotion(),
        p.confidence(),
        p.probabilities(),
        NO_CHANNEL,
        out);
    stretches(recording, p.segments(), p.timeline(), NO_CHANNEL, out);
    for (PredictionJson.Channel c : p.channels()) {
      String channel = Integer.toString(c.channel());
      row(
          recording,
          "clip",
          start,
          duration,
          c.emotion(),
          c.confidence(),
          c.probabilities(),
          channel,
          out);
      stretches(recording, c.segments(), c.timeline(), channel, out);
    }
  }

  private static void stretches(
      List<String> recording,
      List<PredictionJson.Segment> segments,
      List<PredictionJson.Segment> timeline,
      String channel,
      Appendable out)
      throws IOException {
    for (PredictionJson.Segment s : segments) {
      row(recording, "segment", s, channel, out);
    }
    for (PredictionJson.Segment w : timeline) {
      row(recording, "window", w, channel, out);
    }
  }

  private static void row(
      List<String> recording, String kind, PredictionJson.Segment s, String channel, Appendable out)
      throws IOException {
    row(
        recording,
        kind,
        number(s.start()),
        number(s.end()),
        s.emotion(),
        s.confidence(),
        s.probabilities(),
        channel,
        out);
  }

  /** One row; {@code emotion}, {@code confidence} and {@code probabilities} may all be null. */
  private static void row(
      List<String> recording,
      String kind,
      String start,
      String end,
      String emotion,
      Double confidence,
      Map<String, Double> probabilities,
      String channel,
      Appendable out)
      throws IOException {
    List<String> fields = new ArrayList<>(COLUMNS.size());
    fields.addAll(recording);
    fields.add(kind);
    fields.add(start);
    fields.add(end);
    fields.add(emotion == null ? "" : emotion);
    fields.add(confidence == null ? "" : number(confidence));
    for (Emotion e : Emotion.values()) {
      fields.add(probabilities == null ? "" : number(probabilities.get(e.label())));
    }
    fields.add(channel);
    record(fields, out);
  }

  private static void record(List<String> fields, Appendable out) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append(LINE_END);
  }

  /** A field as RFC 4180 writes it: as it is, or quoted with its quotes doubled if it must be. */
  static String field(String value) {
    if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /**
   * A decimal that reads back as exactly {@code value}, never in the exponent form Java writes
   * small numbers in ({@code 1.0E-4}), which not every reader of CSV takes for a number.
   */
  static String number(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
