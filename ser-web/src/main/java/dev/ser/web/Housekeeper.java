package dev.ser.web;

import dev.ser.storage.recording.Housekeeping;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs ser-storage's housekeeping once as soon as storage opens and then every {@code
 * ser.housekeeping.interval} (PT10M): removes blobs no row points at once they are older than
 * {@code ser.housekeeping.orphan-grace} (PT60M, far longer than any analysis), and, when {@code
 * ser.retention.days} is above 0 (off by default), recordings older than that, and anonymous
 * analyses after {@code ser.retention.anonymous-hours} (24). The run at start-up is what cleans up
 * after a crash: blobs written by analyses the dead process never committed. Both durations are
 * ISO-8601 ({@code PT30S}), so tests can make them seconds.
 */
@ApplicationScoped
public class Housekeeper {
  private static final Logger LOG = Logger.getLogger(Housekeeper.class.getName());

  @Inject Storage storage;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "ser.housekeeping.interval")
  String interval;

  @Inject
  @ConfigProperty(name = "ser.housekeeping.orphan-grace")
  String orphanGrace;

  @Inject
  @ConfigProperty(name = "ser.retention.days")
  int retentionDays;

  @Inject WebSettings settings;

  private ScheduledFuture<?> schedule;

  void start() {
    Duration every = duration("ser.housekeeping.interval", interval);
    Duration grace = duration("ser.housekeeping.orphan-grace", orphanGrace);
    if (every.isZero()) {
      throw new IllegalArgumentException("ser.housekeeping.interval must be positive, not PT0S");
    }
    int anonymousHours = settings.anonymousRetentionHours();
    if (anonymousHours < 0) {
      throw new IllegalArgumentException(
          "ser.retention.anonymous-hours must be 0 (keep) or more, not " + anonymousHours);
    }
    if (retentionDays < 0) {
      throw new IllegalArgumentException(
          "ser.retention.days must be 0 (keep forever) or more, not " + retentionDays);
    }
    Housekeeping housekeeping =
        new Housekeeping(
            storage.database(),
            storage.store(),
            Clock.systemUTC(),
            grace,
            retentionDays > 0 ? Optional.of(Duration.ofDays(retentionDays)) : Optional.empty(),
            anonymousHours > 0 ? Optional.of(Duration.ofHours(anonymousHours)) : Optional.empty());
    LOG.info(
        () ->
            "housekeeping every "
                + every
                + ", orphan grace "
                + grace
                + (retentionDays > 0 ? ", retention " + retentionDays + " days" : ", no retention")
                + (anonymousHours > 0
                    ? ", anonymous analyses kept " + anonymousHours + " hours"
                    : ""));
    schedule =
        scheduler.scheduleWithFixedDelay(
            () -> run(housekeeping), 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Duration duration(String property, String value) {
    Duration parsed;
    try {
      parsed = Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          property + " must be an ISO-8601 duration such as PT10M, not '" + value + "'", e);
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException(property + " must not be negative: " + value);
    }
    return parsed;
  }

  private static void run(Housekeeping housekeeping) {
    try {
      Housekeeping.Result result = housekeeping.run();
      if (result.orphansDeleted() + result.recordingsExpired() > 0) {
        LOG.info(() -> "housekeeping: " + result);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "housekeeping run failed; the next one retries", e);
    }
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
