package dev.ser.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How pages write instants: UTC, to the minute, with the zone said; inside {@code <time
 * class="local-time">} the browser's script shows them in the reader's own time zone.
 */
@Named
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public String when(Instant instant) {
    return instant == null ? "" : MINUTE.format(instant);
  }

  /** The instant as ISO-8601 (UTC), for a {@code <time datetime>} the page shows in local time. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public String whenOr(Optional<Instant> instant, String otherwise) {
    return instant.map(this::when).orElse(otherwise);
  }
}
