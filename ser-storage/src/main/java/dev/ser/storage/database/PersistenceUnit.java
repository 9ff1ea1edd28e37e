package dev.ser.storage.database;

import dev.ser.storage.account.UserEntity;
import dev.ser.storage.audit.AuditEntryEntity;
import dev.ser.storage.job.JobEntity;
import dev.ser.storage.job.JobFilesJson;
import dev.ser.storage.recording.ChannelsJson;
import dev.ser.storage.recording.PredictionEntity;
import dev.ser.storage.recording.RecordingEntity;
import dev.ser.storage.recording.TimelineJson;
import dev.ser.storage.samples.SampleEntity;
import dev.ser.storage.share.ShareEntity;
import dev.ser.storage.token.ApiTokenEntity;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The persistence unit, described in code instead of a {@code META-INF/persistence.xml}: a
 * descriptor in the jar would make Payara deploy a container-managed unit of its own next to ours.
 * Resource-local, on our pooled {@link DataSource}, listing its entities explicitly, with no shared
 * cache (several instances may run against one database) and no weaving (no agent needed).
 */
final class PersistenceUnit implements PersistenceUnitInfo {
  static final String NAME = "ser";

  /** The entities and converters, the unit's only classes. */
  static final List<Class<?>> MANAGED =
      List.of(
          UserEntity.class,
          RecordingEntity.class,
          PredictionEntity.class,
          SampleEntity.class,
          ApiTokenEntity.class,
          AuditEntryEntity.class,
          ShareEntity.class,
          TimelineJson.class,
          ChannelsJson.class,
          JobEntity.class,
          JobFilesJson.class,
          NullableUuid.class);

  private final DataSource dataSource;

  PersistenceUnit(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String getPersistenceUnitName() {
    return NAME;
  }

  @Override
  public String getPersistenceProviderClassName() {
    return null;
  }

  @Override
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.RESOURCE_LOCAL;
  }

  @Override
  public DataSource getJtaDataSource() {
    return null;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return dataSource;
  }

  @Override
  public List<String> getMappingFileNames() {
    return List.of();
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  @Override
  public URL getPersistenceUnitRootUrl() {
    return UserEntity.class.getProtectionDomain().getCodeSource().getLocation();
  }

  @Override
  public List<String> getManagedClassNames() {
    return MANAGED.stream().map(Class::getName).toList();
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return true;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return SharedCacheMode.NONE;
  }

  @Override
  public ValidationMode getValidationMode() {
    return ValidationMode.NONE;
  }

  @Override
  public Properties getProperties() {
    return new Properties();
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return "3.0";
  }

  @Override
  public ClassLoader getClassLoader() {
    return UserEntity.class.getClassLoader();
  }

  @Override
  public void addTransformer(ClassTransformer transformer) {
    // Weaving is off, so there is nothing to install a transformer into.
  }

  @Override
  public ClassLoader getNewTempClassLoader() {
    return getClassLoader();
  }
}
