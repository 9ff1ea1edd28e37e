package dev.ser.web;

import dev.ser.storage.recording.Housekeeping;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs ser-storage's housekeeping every {@code ser.housekeeping.interval-minutes} (10): removes
 * blobs no row points at once they are older than {@code ser.housekeeping.orphan-grace-minutes}
 * (60, far longer than any analysis), and, when {@code ser.retention.days} is above 0 (off by
 * default), recordings older than that.
 */
@ApplicationScoped
public class Housekeeper {
  private static final Logger LOG = Logger.getLogger(Housekeeper.class.getName());

  @Inject Storage storage;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "ser.housekeeping.interval-minutes")
  int intervalMinutes;

  @Inject
  @ConfigProperty(name = "ser.housekeeping.orphan-grace-minutes")
  int orphanGraceMinutes;

  @Inject
  @ConfigProperty(name = "ser.retention.days")
  int retentionDays;

  private ScheduledFuture<?> schedule;

  void start() {
    Housekeeping housekeeping =
        new Housekeeping(
            storage.database(),
            storage.store(),
            Clock.systemUTC(),
            Duration.ofMinutes(orphanGraceMinutes),
            retentionDays > 0 ? Optional.of(Duration.ofDays(retentionDays)) : Optional.empty());
    schedule =
        scheduler.scheduleWithFixedDelay(
            () -> run(housekeeping), 1, Math.max(1, intervalMinutes), TimeUnit.MINUTES);
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
