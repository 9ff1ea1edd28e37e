package dev.ser.storage.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column. EclipseLink 4.0's built-in UUID conversion fails on SQL NULL
 * (it calls {@code toString()} on the value), and some of our foreign keys are optional, such as an
 * anonymous recording's owner. The PostgreSQL driver reads and writes {@link UUID} itself.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, Object> {
  @Override
  public Object convertToDatabaseColumn(UUID value) {
    return value;
  }

  @Override
  public UUID convertToEntityAttribute(Object value) {
    if (value == null || value instanceof UUID) {
      return (UUID) value;
    }
    return UUID.fromString(value.toString());
  }
}
