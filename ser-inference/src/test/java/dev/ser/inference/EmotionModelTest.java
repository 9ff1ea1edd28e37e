package dev.ser.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.audio.feature.FeatureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmotionModelTest {
  private static final FeatureSpec SPEC = FeatureSpec.modelDefault();

  @Test
  void directoryWithoutAModelIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> EmotionModel.load(dir, SPEC))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no model in")
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_unavailable");
  }

  @Test
  void unreadableModelCardIsAClearError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("saved_model.pb"), "not a graph");
    Files.writeString(dir.resolve(ModelCard.FILE_NAME), "{ not json");

    assertThatThrownBy(() -> EmotionModel.load(dir, SPEC))
        .isInstanceOf(ModelException.class)
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_card_unreadable");
  }

  @Test
  void bundledModelCardDescribesTheProductsLabelsAndLicence() {
    try (EmotionModel model = EmotionModel.bundled(SPEC)) {
      ModelCard card = model.card();
      assertThat(card.labels())
          .containsExactly("anger", "disgust", "fear", "happy", "neutral", "sad");
      assertThat(card.licence()).contains("CC BY-NC-SA 4.0", "non-commercial");
      assertThat(card.featureSpec()).isEqualTo(SPEC);
      assertThat(card.training().command()).startsWith("./ser train ");
      assertThat(card.validation()).containsKeys("ravdess", "nemo");
    }
  }
}
