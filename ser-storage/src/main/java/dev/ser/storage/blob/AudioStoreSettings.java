package dev.ser.storage.blob;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which {@link AudioStore} to open, read from configuration by the web layer. */
public sealed interface AudioStoreSettings {

  /**
   * Picks the store from configuration values as they come (blank counts as absent): an Azure
   * connection string wins; else an endpoint with an account key or a SAS token; else local disk
   * under {@code dataDirectory/audio}.
   */
  static AudioStoreSettings choose(
      Optional<String> connectionString,
      Optional<String> endpoint,
      Optional<String> accountName,
      Optional<String> accountKey,
      Optional<String> sasToken,
      String container,
      Path dataDirectory) {
    Optional<String> cs = present(connectionString);
    Optional<String> url = present(endpoint);
    if (cs.isPresent() || url.isPresent()) {
      return new AzureBlob(
          cs, url, present(accountName), present(accountKey), present(sasToken), container);
    }
    return new LocalDisk(dataDirectory.resolve("audio"));
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  /** Files under a directory; the embedded default. */
  record LocalDisk(Path directory) implements AudioStoreSettings {
    public LocalDisk {
      directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
    }
  }

  /**
   * An Azure Blob Storage container (or Azurite), created if missing, private.
   *
   * @param connectionString the account's connection string; or
   * @param endpoint the blob service URL, e.g. {@code https://acct.blob.core.windows.net}, with
   * @param accountName and {@code accountKey} (shared key), or
   * @param sasToken a SAS token with read, write, delete and list rights on the container
   * @param container the container name (3..63 lower-case letters, digits and single hyphens)
   */
  record AzureBlob(
      Optional<String> connectionString,
      Optional<String> endpoint,
      Optional<String> accountName,
      Optional<String> accountKey,
      Optional<String> sasToken,
      String container)
      implements AudioStoreSettings {
    private static final Pattern CONTAINER =
        Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

    public AzureBlob {
      Objects.requireNonNull(connectionString, "connectionString");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(accountName, "accountName");
      Objects.requireNonNull(accountKey, "accountKey");
      Objects.requireNonNull(sasToken, "sasToken");
      Objects.requireNonNull(container, "container");
      if (!CONTAINER.matcher(container).matches()) {
        throw new IllegalArgumentException(
            "Azure container name '"
                + container
                + "' must be 3-63 lower-case letters, digits and single hyphens");
      }
      boolean sharedKey = accountName.isPresent() && accountKey.isPresent();
      if (connectionString.isEmpty()
          && (endpoint.isEmpty() || !(sharedKey || sasToken.isPresent()))) {
        throw new IllegalArgumentException(
            "Azure Blob Storage needs a connection string, or an endpoint with an account name and"
                + " key or a SAS token");
      }
    }

    /** Settings for one container reached through a connection string. */
    public static AzureBlob ofConnectionString(String connectionString, String container) {
      return new AzureBlob(
          Optional.of(connectionString),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          container);
    }

    @Override
    public String toString() {
      return "AzureBlob[container="
          + container
          + ", "
          + endpoint.map(e -> "endpoint=" + e).orElse("connection string")
          + "]";
    }
  }
}
