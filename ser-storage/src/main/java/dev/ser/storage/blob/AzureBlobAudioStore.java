package dev.ser.storage.blob;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.ser.storage.StorageUnavailableException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Audio as block blobs in one private Azure Blob Storage container (Azurite in tests). The HTTP
 * transport is the JDK's own client, not Netty, whose native parts are not available everywhere we
 * run. Retries are few and short so that an outage surfaces as {@link StorageUnavailableException}
 * (HTTP 503) within seconds instead of hanging a request.
 */
public final class AzureBlobAudioStore implements AudioStore {
  private static final int NOT_FOUND = 404;
  private static final Duration TRY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final BlobContainerClient container;
  private final String description;

  private AzureBlobAudioStore(BlobContainerClient container, String description) {
    this.container = container;
    this.description = description;
  }

  /** Connects and creates the container if missing (with no public access). */
  public static AzureBlobAudioStore connect(AudioStoreSettings.AzureBlob settings) {
    HttpClient http = new JdkHttpClientBuilder().connectionTimeout(CONNECT_TIMEOUT).build();
    var retries =
        new RequestRetryOptions(
            RetryPolicyType.EXPONENTIAL,
            3,
            TRY_TIMEOUT,
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            null);
    var builder = new BlobServiceClientBuilder().httpClient(http).retryOptions(retries);
    if (settings.connectionString().isPresent()) {
      builder.connectionString(settings.connectionString().get());
    } else {
      builder.endpoint(settings.endpoint().orElseThrow());
      if (settings.accountName().isPresent() && settings.accountKey().isPresent()) {
        builder.credential(
            new StorageSharedKeyCredential(
                settings.accountName().get(), settings.accountKey().get()));
      } else {
        builder.sasToken(settings.sasToken().orElseThrow());
      }
    }
    BlobContainerClient container =
        builder.buildClient().getBlobContainerClient(settings.container());
    var store =
        new AzureBlobAudioStore(
            container, "Azure Blob container " + container.getBlobContainerUrl());
    store.call("create container " + settings.container(), container::createIfNotExists);
    return store;
  }

  @Override
  public void put(BlobKey key, byte[] bytes, String contentType) {
    upload(key, BinaryData.fromBytes(bytes), contentType);
  }

  @Override
  public void put(BlobKey key, InputStream content, long length, String contentType) {
    upload(key, BinaryData.fromStream(content, length), contentType);
  }

  private void upload(BlobKey key, BinaryData data, String contentType) {
    var options =
        new BlobParallelUploadOptions(data)
            .setHeaders(new BlobHttpHeaders().setContentType(contentType));
    call("upload " + key, () -> blob(key).uploadWithResponse(options, null, Context.NONE));
  }

  @Override
  public Optional<StoredAudio> open(BlobKey key) {
    return call(
        "open " + key,
        () -> {
          try {
            BlobInputStream stream = blob(key).openInputStream();
            return Optional.of(new StoredAudio(stream, stream.getProperties().getBlobSize()));
          } catch (BlobStorageException e) {
            if (e.getStatusCode() == NOT_FOUND) {
              return Optional.empty();
            }
            throw e;
          }
        });
  }

  @Override
  public boolean delete(BlobKey key) {
    return call("delete " + key, () -> blob(key).deleteIfExists());
  }

  @Override
  public boolean exists(BlobKey key) {
    return call("check " + key, () -> blob(key).exists());
  }

  @Override
  public List<BlobKey> keysOlderThan(Instant cutoff) {
    return call(
        "list " + container.getBlobContainerName(),
        () -> {
          List<BlobKey> keys = new ArrayList<>();
          for (BlobItem item : container.listBlobs()) {
            if (BlobKey.isValid(item.getName())
                && item.getProperties().getLastModified().toInstant().isBefore(cutoff)) {
              keys.add(new BlobKey(item.getName()));
            }
          }
          return keys;
        });
  }

  @Override
  public boolean isAvailable() {
    try {
      return container.exists();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String describe() {
    return description;
  }

  private BlobClient blob(BlobKey key) {
    return container.getBlobClient(key.value());
  }

  /**
   * Runs one SDK call, turning every failure that is not a bug of ours (HTTP errors, refused
   * connections, timeouts, which the SDK reports as assorted runtime exceptions) into {@link
   * StorageUnavailableException}.
   */
  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException | NullPointerException bug) {
      throw bug;
    } catch (RuntimeException e) {
      throw new StorageUnavailableException(
          "blob_store_unavailable",
          "Azure Blob Storage: cannot " + what + ": " + e.getMessage(),
          e);
    }
  }
}
