package dev.ser.web;

import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.blob.AudioStore;
import dev.ser.storage.blob.AudioStoreSettings;
import dev.ser.storage.database.Database;
import dev.ser.storage.database.DatabaseSettings;
import dev.ser.storage.recording.RecordingArchive;
import dev.ser.storage.samples.SampleLibrary;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one database and one blob store, opened at start-up from configuration and
 * closed at shutdown. Without {@code SER_DB_URL} an embedded PostgreSQL keeps its files under
 * {@code SER_DATA_DIR}; without Azure settings the audio is kept there too.
 */
@ApplicationScoped
public class Storage {
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(Storage.class.getName());

  @Inject
  @ConfigProperty(name = "ser.data.dir")
  String dataDir;

  @Inject
  @ConfigProperty(name = "ser.db.url")
  Optional<String> dbUrl;

  @Inject
  @ConfigProperty(name = "ser.db.user")
  Optional<String> dbUser;

  @Inject
  @ConfigProperty(name = "ser.db.password")
  Optional<String> dbPassword;

  @Inject
  @ConfigProperty(name = "ser.db.pool-size")
  int poolSize;

  @Inject
  @ConfigProperty(name = "ser.blob.connection-string")
  Optional<String> blobConnectionString;

  @Inject
  @ConfigProperty(name = "ser.blob.endpoint")
  Optional<String> blobEndpoint;

  @Inject
  @ConfigProperty(name = "ser.blob.account-name")
  Optional<String> blobAccountName;

  @Inject
  @ConfigProperty(name = "ser.blob.account-key")
  Optional<String> blobAccountKey;

  @Inject
  @ConfigProperty(name = "ser.blob.sas-token")
  Optional<String> blobSasToken;

  @Inject
  @ConfigProperty(name = "ser.blob.container")
  String blobContainer;

  private volatile Opened opened;
  private volatile Instant nextAttempt = Instant.MIN;
  private volatile StorageUnavailableException lastFailure;
  private final List<Runnable> onFirstOpen = new CopyOnWriteArrayList<>();

  /** Everything that exists once the database and blob store answered. */
  private record Opened(
      Database database, AudioStore store, RecordingArchive archive, SampleLibrary samples) {}

  /**
   * Tries to open storage at start-up. If the database or blob store is down the application still
   * starts: readiness reports DOWN, requests that need storage get 503, and the next one after
   * {@link #RETRY_INTERVAL} tries again, so it recovers without a restart.
   */
  @PostConstruct
  void start() {
    try {
      opened();
    } catch (StorageUnavailableException e) {
      LOG.log(
          Level.SEVERE, "storage unavailable at start-up; retrying on demand: " + e.getMessage());
    }
  }

  /** Runs {@code action} once storage is open: now if it is, else right after it opens. */
  public void whenOpen(Runnable action) {
    if (opened != null) {
      action.run();
    } else {
      onFirstOpen.add(action);
    }
  }

  private Opened opened() {
    Opened current = opened;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (opened != null) {
        return opened;
      }
      if (Instant.now().isBefore(nextAttempt)) {
        throw lastFailure;
      }
      try {
        opened = open();
      } catch (StorageUnavailableException e) {
        lastFailure = e;
        nextAttempt = Instant.now().plus(RETRY_INTERVAL);
        throw e;
      }
    }
    List<Runnable> waiting = List.copyOf(onFirstOpen);
    onFirstOpen.clear();
    for (Runnable action : waiting) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "a start-up task failed once storage opened", e);
      }
    }
    return opened;
  }

  private Opened open() {
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    DatabaseSettings settings =
        dbUrl.filter(url -> !url.isBlank()).isPresent()
            ? DatabaseSettings.external(dbUrl.get(), dbUser.orElse(""), dbPassword.orElse(""))
            : DatabaseSettings.embedded(data);
    Database database = Database.start(settings.withMaxPoolSize(poolSize));
    AudioStore store;
    try {
      store =
          AudioStore.open(
              AudioStoreSettings.choose(
                  blobConnectionString,
                  blobEndpoint,
                  blobAccountName,
                  blobAccountKey,
                  blobSasToken,
                  blobContainer,
                  data));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    Clock clock = Clock.systemUTC();
    LOG.info(() -> "storage: " + database + ", audio in " + store.describe());
    return new Opened(
        database,
        store,
        new RecordingArchive(database, store, clock),
        new SampleLibrary(database, store, clock));
  }

  /** Whether the database and blob store answer right now; never throws. */
  public boolean isAvailable() {
    try {
      Opened current = opened();
      return current.database().isHealthy() && current.store().isAvailable();
    } catch (StorageUnavailableException e) {
      return false;
    }
  }

  @PreDestroy
  void close() {
    Opened current = opened;
    if (current != null) {
      current.store().close();
      current.database().close();
    }
  }

  /** The database; {@link StorageUnavailableException} (503) while it cannot be reached. */
  public Database database() {
    return opened().database();
  }

  public AudioStore store() {
    return opened().store();
  }

  public RecordingArchive archive() {
    return opened().archive();
  }

  public SampleLibrary samples() {
    return opened().samples();
  }
}
