package dev.ser.web.analysis;

import dev.ser.domain.SerException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * How {@code GET /api/v1/predictions[/{id}]} answers: JSON, the default, or CSV ({@link
 * PredictionCsv}). The {@code format} query parameter decides when it is given, since a link on a
 * page cannot set {@code Accept}; otherwise the {@code Accept} header does.
 */
public enum PredictionFormat {
  JSON(MediaType.APPLICATION_JSON_TYPE, "json"),
  CSV(new MediaType("text", "csv"), "csv");

  private final MediaType type;
  private final String extension;

  PredictionFormat(MediaType type, String extension) {
    this.type = type;
    this.extension = extension;
  }

  /** The file name ending of a download, also the {@code format} parameter's value. */
  public String extension() {
    return extension;
  }

  /**
   * The format the request asks for.
   *
   * @param format the {@code format} query parameter, {@code json} or {@code csv}; null when absent
   * @param acceptable the {@code Accept} header's media types, most wanted first (the JAX-RS
   *     runtime sorts them); JSON wins where a wildcard fits both
   * @throws SerException {@code not_acceptable} (406) when neither format fits
   */
  public static PredictionFormat choose(String format, List<MediaType> acceptable) {
    if (format != null) {
      String wanted = format.strip().toLowerCase(Locale.ROOT);
      for (PredictionFormat candidate : values()) {
        if (candidate.extension.equals(wanted)) {
          return candidate;
        }
      }
      throw new SerException(
          "not_acceptable", "format must be 'json' or 'csv', not '" + format + "'.");
    }
    if (acceptable.isEmpty()) {
      return JSON;
    }
    for (MediaType type : acceptable) {
      for (PredictionFormat candidate : values()) {
        if (type.isCompatible(candidate.type)) {
          return candidate;
        }
      }
    }
    throw new SerException(
        "not_acceptable",
        "Predictions are answered as application/json (the default) or text/csv: accept one of"
            + " them, or add format=json or format=csv to the query.");
  }
}
