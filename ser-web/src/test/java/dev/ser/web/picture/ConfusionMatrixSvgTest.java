package dev.ser.web.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixSvgTest {
  @Test
  void drawsOneCellPerPairWithItsCount() {
    String svg = ConfusionMatrixSvg.render(List.of("a", "b"), new int[][] {{7, 3}, {0, 10}});

    assertThat(svg).startsWith("<svg").endsWith("</svg>");
    assertThat(svg.split("<rect ", -1)).hasSize(1 + 1 + 4);
    assertThat(svg).contains(">7<").contains(">3<").contains(">0<").contains(">10<");
  }

  @Test
  void fullRowShareIsTheDarkestShadeAndNoneIsWhite() {
    assertThat(ConfusionMatrixSvg.shade(1)).isEqualTo("#3b4cca");
    assertThat(ConfusionMatrixSvg.shade(0)).isEqualTo("#ffffff");
  }

  @Test
  void labelsAreEscaped() {
    assertThat(ConfusionMatrixSvg.render(List.of("<b>"), new int[][] {{1}})).contains("&lt;b&gt;");
  }

  @Test
  void refusesAMatrixThatDoesNotMatchTheLabels() {
    assertThatThrownBy(() -> ConfusionMatrixSvg.render(List.of("a", "b"), new int[][] {{1, 2}}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
