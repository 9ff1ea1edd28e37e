package dev.ser.storage.recording;

import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.database.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The periodic jobs in one call for the web layer's scheduler (e.g. every 10 minutes and once at
 * start-up): delete orphaned blobs older than the grace period, then, if retention is configured,
 * recordings older than it. An outage is logged and the run skipped; the next run catches up.
 */
public final class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  private final OrphanSweeper sweeper;
  private final RecordingArchive archive;
  private final Duration orphanGrace;
  private final Optional<Duration> retention;

  /** What one run did. */
  public record Result(int orphansDeleted, int recordingsExpired) {}

  /**
   * @param orphanGrace how old an unreferenced blob must be to be deleted; longer than any analysis
   * @param retention how long recordings are kept; empty keeps them forever (the default)
   */
  public Housekeeping(
      Database database,
      AudioStore store,
      Clock clock,
      Duration orphanGrace,
      Optional<Duration> retention) {
    this.sweeper = new OrphanSweeper(database, store, clock);
    this.archive = new RecordingArchive(database, store, clock);
    this.orphanGrace = Objects.requireNonNull(orphanGrace, "orphanGrace");
    this.retention = Objects.requireNonNull(retention, "retention");
    retention.ifPresent(
        age -> {
          if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + age);
          }
        });
  }

  public Result run() {
    try {
      int orphans = sweeper.sweep(orphanGrace);
      int expired = retention.map(archive::deleteOlderThan).orElse(0);
      if (expired > 0) {
        LOG.info(
            () -> "retention deleted " + expired + " recordings older than " + retention.get());
      }
      return new Result(orphans, expired);
    } catch (StorageUnavailableException e) {
      LOG.warning(() -> "housekeeping skipped: " + e.getMessage());
      return new Result(0, 0);
    }
  }
}
