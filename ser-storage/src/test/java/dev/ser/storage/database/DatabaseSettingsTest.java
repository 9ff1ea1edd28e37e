package dev.ser.storage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

  @Test
  void blankUrlMeansEmbedded() {
    var settings = new DatabaseSettings(Optional.of("  "), null, null, Path.of("data"), 0, 4);
    assertThat(settings.isEmbedded()).isTrue();
    assertThat(settings.toString()).contains("embedded").contains("data/postgres");
  }

  @Test
  void descriptionNeverShowsThePassword() {
    var settings =
        DatabaseSettings.external(
            "jdbc:postgresql://db.example:5432/ser?sslmode=require&password=hunter2", "ser", "pw");
    assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("pw").contains("***");
  }

  @Test
  void rejectsOtherDatabasesAndNonsensePools() {
    assertThatThrownBy(() -> DatabaseSettings.external("jdbc:mysql://x/ser", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PostgreSQL");
    assertThatThrownBy(() -> DatabaseSettings.embedded(Path.of("d")).withMaxPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
