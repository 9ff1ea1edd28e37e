package dev.ser.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ser.domain.SerException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionFormatTest {
  private static final MediaType ANY = MediaType.WILDCARD_TYPE;
  private static final MediaType CSV = new MediaType("text", "csv");
  private static final MediaType PNG = new MediaType("image", "png");

  @Test
  void jsonIsTheDefaultForAnyOrNoAccept() {
    assertThat(PredictionFormat.choose(null, List.of())).isEqualTo(PredictionFormat.JSON);
    assertThat(PredictionFormat.choose(null, List.of(ANY))).isEqualTo(PredictionFormat.JSON);
  }

  @Test
  void acceptTextCsvOrTextAnythingGetsCsv() {
    assertThat(PredictionFormat.choose(null, List.of(CSV))).isEqualTo(PredictionFormat.CSV);
    assertThat(PredictionFormat.choose(null, List.of(new MediaType("text", "*"))))
        .isEqualTo(PredictionFormat.CSV);
  }

  @Test
  void theMostWantedAcceptableTypeDecides() {
    assertThat(PredictionFormat.choose(null, List.of(PNG, CSV, MediaType.APPLICATION_JSON_TYPE)))
        .isEqualTo(PredictionFormat.CSV);
    assertThat(PredictionFormat.choose(null, List.of(MediaType.APPLICATION_JSON_TYPE, CSV)))
        .isEqualTo(PredictionFormat.JSON);
  }

  @Test
  void theFormatParameterOverridesAccept() {
    assertThat(PredictionFormat.choose("csv", List.of(MediaType.APPLICATION_JSON_TYPE)))
        .isEqualTo(PredictionFormat.CSV);
    assertThat(PredictionFormat.choose(" JSON ", List.of(CSV))).isEqualTo(PredictionFormat.JSON);
  }

  @Test
  void acceptingNeitherIsNotAcceptable() {
    assertThatThrownBy(() -> PredictionFormat.choose(null, List.of(PNG)))
        .isInstanceOfSatisfying(
            SerException.class, e -> assertThat(e.code()).isEqualTo("not_acceptable"))
        .hasMessageContaining("text/csv");
  }

  @Test
  void anUnknownFormatIsNotAcceptable() {
    assertThatThrownBy(() -> PredictionFormat.choose("xml", List.of(ANY)))
        .isInstanceOfSatisfying(
            SerException.class, e -> assertThat(e.code()).isEqualTo("not_acceptable"))
        .hasMessageContaining("'xml'");
  }
}
