package dev.ser.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.ser.storage.StorageUnavailableException;
import dev.ser.storage.testing.Azurite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureBlobAudioStoreIT extends AudioStoreContract {
  private final Azurite azurite = Azurite.get();
  private String container;
  private AzureBlobAudioStore store;

  @BeforeEach
  void connectToAFreshContainer() {
    container = "it-" + UUID.randomUUID().toString().substring(0, 8);
    store =
        AzureBlobAudioStore.connect(
            AudioStoreSettings.AzureBlob.ofConnectionString(azurite.connectionString(), container));
  }

  @AfterEach
  void close() {
    azurite.start();
    store.close();
  }

  @Override
  AudioStore store() {
    return store;
  }

  @Test
  void createsThePrivateContainerAndKeepsTheContentType() {
    BlobContainerClient raw = sdkContainer();
    assertThat(raw.exists()).isTrue();
    assertThat(raw.getAccessPolicy().getBlobAccessType()).as("no public access").isNull();

    store.put(new BlobKey("recordings/typed"), new byte[] {1, 2}, "audio/mpeg");

    assertThat(raw.getBlobClient("recordings/typed").getProperties().getContentType())
        .isEqualTo("audio/mpeg");
  }

  @Test
  void anonymousRequestsCannotReadABlob() throws Exception {
    store.put(new BlobKey("recordings/private"), new byte[] {1, 2, 3}, "audio/wav");
    URI url = URI.create(azurite.blobEndpoint() + "/" + container + "/recordings/private");

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isIn(401, 403, 404);
  }

  @Test
  void listingSkipsBlobsWhoseNamesAreNotKeys() {
    BlobContainerClient raw = sdkContainer();
    raw.getBlobClient("foreign/../name with space").upload(BinaryData.fromBytes(new byte[] {1}));
    store.put(new BlobKey("recordings/ours"), new byte[] {1}, "audio/wav");

    assertThat(store.keysOlderThan(Instant.now().plusSeconds(60)))
        .containsExactly(new BlobKey("recordings/ours"));
  }

  @Test
  void outageIsStorageUnavailableAndRecoversWithoutReconnecting() {
    BlobKey key = new BlobKey("recordings/outage");
    azurite.stop();

    long started = System.nanoTime();
    assertThatThrownBy(() -> store.put(key, new byte[] {1}, "audio/wav"))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(store.isAvailable()).isFalse();

    azurite.start();

    store.put(key, new byte[] {7}, "audio/wav");
    assertThat(store.isAvailable()).isTrue();
    try (StoredAudio stored = store.open(key).orElseThrow()) {
      assertThat(stored.readAllBytes()).containsExactly(7);
    }
  }

  /** The store's container, seen directly through the SDK rather than through the store. */
  private BlobContainerClient sdkContainer() {
    return new BlobServiceClientBuilder()
        .connectionString(azurite.connectionString())
        .httpClient(new JdkHttpClientBuilder().build())
        .buildClient()
        .getBlobContainerClient(container);
  }
}
