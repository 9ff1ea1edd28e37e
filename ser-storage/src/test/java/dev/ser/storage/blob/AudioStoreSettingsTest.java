package dev.ser.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioStoreSettingsTest {
  private static final Path DATA = Path.of("/var/lib/ser");

  @Test
  void withoutAzureSettingsAudioGoesToLocalDiskUnderTheDataDirectory() {
    var settings =
        AudioStoreSettings.choose(
            Optional.of("  "),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "audio",
            DATA);
    assertThat(settings).isEqualTo(new AudioStoreSettings.LocalDisk(Path.of("/var/lib/ser/audio")));
  }

  @Test
  void connectionStringSelectsAzure() {
    var settings =
        AudioStoreSettings.choose(
            Optional.of("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "ser-audio",
            DATA);
    assertThat(settings).isInstanceOf(AudioStoreSettings.AzureBlob.class);
    assertThat(settings.toString()).doesNotContain("AccountKey").contains("ser-audio");
  }

  @Test
  void endpointNeedsAKeyOrASasToken() {
    assertThatThrownBy(
            () ->
                AudioStoreSettings.choose(
                    Optional.empty(),
                    Optional.of("https://acct.blob.core.windows.net"),
                    Optional.of("acct"),
                    Optional.empty(),
                    Optional.empty(),
                    "ser-audio",
                    DATA))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SAS token");
    var withSas =
        AudioStoreSettings.choose(
            Optional.empty(),
            Optional.of("https://acct.blob.core.windows.net"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("sv=2024&sig=abc"),
            "ser-audio",
            DATA);
    assertThat(withSas).isInstanceOf(AudioStoreSettings.AzureBlob.class);
  }

  @Test
  void rejectsContainerNamesAzureWouldRefuse() {
    for (String bad : new String[] {"ab", "Audio", "ser--audio", "-ser", "ser-", "a".repeat(64)}) {
      assertThatThrownBy(() -> AudioStoreSettings.AzureBlob.ofConnectionString("x", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(AudioStoreSettings.AzureBlob.ofConnectionString("x", "ser-audio-1").container())
        .isEqualTo("ser-audio-1");
  }
}
