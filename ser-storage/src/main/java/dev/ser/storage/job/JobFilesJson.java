package dev.ser.storage.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ser.domain.emotion.Emotion;
import dev.ser.domain.job.JobFile;
import dev.ser.domain.recording.RecordingId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A job's files in its jsonb column, in the shape the migration describes. */
@Converter
public class JobFilesJson implements AttributeConverter<List<JobFile>, Object> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Row>> ROWS = new TypeReference<>() {};

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Row(
      String name,
      String contentType,
      String blob,
      UUID recording,
      String emotion,
      Double confidence,
      String error,
      String message) {}

  @Override
  public Object convertToDatabaseColumn(List<JobFile> files) {
    List<Row> rows =
        (files == null ? List.<JobFile>of() : files)
            .stream()
                .map(
                    f ->
                        new Row(
                            f.name(),
                            f.contentType(),
                            f.blobKey().orElse(null),
                            f.recording().map(RecordingId::value).orElse(null),
                            f.emotion().map(Emotion::label).orElse(null),
                            f.confidence().orElse(null),
                            f.errorCode().orElse(null),
                            f.errorMessage().orElse(null)))
                .toList();
    try {
      return JSON.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a job's files as JSON", e);
    }
  }

  @Override
  public List<JobFile> convertToEntityAttribute(Object column) {
    String json = column == null ? "" : column.toString();
    if (json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, ROWS).stream()
          .map(
              r ->
                  new JobFile(
                      r.name(),
                      r.contentType(),
                      Optional.ofNullable(r.blob()),
                      Optional.ofNullable(r.recording()).map(RecordingId::new),
                      Optional.ofNullable(r.emotion()).map(Emotion::fromLabel),
                      Optional.ofNullable(r.confidence()),
                      Optional.ofNullable(r.error()),
                      Optional.ofNullable(r.message())))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a job's stored files are not valid JSON: " + e.getMessage(), e);
    }
  }
}
