package dev.ser.web;

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
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one database and one blob store, opened at start-up from configuration and
 * closed at shutdown. Without {@code SER_DB_URL} an embedded PostgreSQL keeps its files under
 * {@code SER_DATA_DIR}; without Azure settings the audio is kept there too.
 */
@ApplicationScoped
public class Storage {
  private static final Logger LOG = Logger.getLogger(Storage.class.getName());

  @Inject
  @ConfigProperty(name = "ser.data.dir", defaultValue = "./data")
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
  @ConfigProperty(name = "ser.db.pool-size", defaultValue = "16")
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
  @ConfigProperty(name = "ser.blob.container", defaultValue = "ser-audio")
  String blobContainer;

  private Database database;
  private AudioStore store;
  private RecordingArchive archive;
  private SampleLibrary samples;

  @PostConstruct
  void open() {
    registerPostgresDriver();
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    DatabaseSettings settings =
        dbUrl.filter(url -> !url.isBlank()).isPresent()
            ? DatabaseSettings.external(dbUrl.get(), dbUser.orElse(""), dbPassword.orElse(""))
            : DatabaseSettings.embedded(data);
    database = Database.start(settings.withMaxPoolSize(poolSize));
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
    Clock clock = Clock.systemUTC();
    archive = new RecordingArchive(database, store, clock);
    samples = new SampleLibrary(database, store, clock);
    LOG.info(() -> "storage: " + database + ", audio in " + store.describe());
  }

  /**
   * HikariCP finds the driver through {@code DriverManager}, which only offers drivers registered
   * by a class loader the caller can see. Inside Payara the PostgreSQL driver in WEB-INF/lib is not
   * registered until its class is initialised, so an external database would fail with "No suitable
   * driver" (the embedded one happens to load it first).
   */
  private static void registerPostgresDriver() {
    try {
      Class.forName("org.postgresql.Driver", true, Storage.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the PostgreSQL driver is missing from the WAR", e);
    }
  }

  @PreDestroy
  void close() {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  public Database database() {
    return database;
  }

  public AudioStore store() {
    return store;
  }

  public RecordingArchive archive() {
    return archive;
  }

  public SampleLibrary samples() {
    return samples;
  }
}
