package dev.ser.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** How pages write instants: UTC, to the minute, with the zone said. */
@Named
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public String when(Instant instant) {
    return instant == null ? "" : MINUTE.format(instant);
  }

  public String whenOr(Optional<Instant> instant, String otherwise) {
    return instant.map(this::when).orElse(otherwise);
  }
}
