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
 * start-up): delete orphaned blobs older than the grace period, then anonymous recordings older
 * than their retention, then, if retention is configured, all recordings older than it. An outage
 * is logged and the run skipped; the next run catches up.
 */
public final class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  private final OrphanSweeper sweeper;
  private final RecordingArchive archive;
  private final Duration orphanGrace;
  private final Optional<Duration> retention;
  private final Optional<Duration> anonymousRetention;

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
    this(database, store, clock, orphanGrace, retention, Optional.empty());
  }

  /**
   * @param anonymousRetention how long recordings without an owner are kept; empty keeps them as
   *     long as the others
   */
  public Housekeeping(
      Database database,
      AudioStore store,
      Clock clock,
      Duration orphanGrace,
      Optional<Duration> retention,
      Optional<Duration> anonymousRetention) {
    this.sweeper = new OrphanSweeper(database, store, clock);
    this.archive = new RecordingArchive(database, store, clock);
    this.orphanGrace = Objects.requireNonNull(orphanGrace, "orphanGrace");
    this.retention = positive(retention, "retention");
    this.anonymousRetention = positive(anonymousRetention, "anonymous retention");
  }

  private static Optional<Duration> positive(Optional<Duration> age, String name) {
    Objects.requireNonNull(age, name);
    age.ifPresent(
        value -> {
          if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
          }
        });
    return age;
  }

  public Result run() {
    try {
      int orphans = sweeper.sweep(orphanGrace);
      int anonymous = anonymousRetention.map(archive::deleteAnonymousOlderThan).orElse(0);
      if (anonymous > 0) {
        LOG.info(
            () ->
                "retention deleted "
                    + anonymous
                    + " anonymous recordings older than "
                    + anonymousRetention.get());
      }
      int expired = anonymous + retention.map(archive::deleteOlderThan).orElse(0);
      if (expired > anonymous) {
        LOG.info(
            () ->
                "retention deleted "
                    + (expired - anonymous)
                    + " recordings older than "
                    + retention.get());
      }
      return new Result(orphans, expired);
    } catch (StorageUnavailableException e) {
      LOG.warning(() -> "housekeeping skipped: " + e.getMessage());
      return new Result(0, 0);
    }
  }
}
