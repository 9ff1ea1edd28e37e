package dev.ser.web.picture;

import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as an SVG picture: true label per row, predicted label per column, each cell
 * shaded by the share of its row (so recall is the diagonal) and labelled with its count.
 */
public final class ConfusionMatrixSvg {
  private static final int CELL = 56;
  private static final int LABEL = 84;

  private ConfusionMatrixSvg() {}

  /**
   * @param labels the class names, in row and column order
   * @param counts {@code [true][predicted]} clip counts, square, as long as {@code labels}
   */
  public static String render(List<String> labels, int[][] counts) {
    int n = labels.size();
    if (counts.length != n) {
      throw new IllegalArgumentException("expected " + n + " rows, got " + counts.length);
    }
    int size = LABEL + n * CELL;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                + " height=\"%d\" font-family=\"sans-serif\" font-size=\"13\">",
            size + 8,
            size + 8,
            size + 8,
            size + 8));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    for (int col = 0; col < n; col++) {
      svg.append(
          text(LABEL + col * CELL + CELL / 2, LABEL - 10, labels.get(col), "middle", "#5b6478"));
    }
    for (int row = 0; row < n; row++) {
      if (counts[row].length != n) {
        throw new IllegalArgumentException("row " + row + " has " + counts[row].length + " cells");
      }
      long rowTotal = 0;
      for (int c : counts[row]) {
        rowTotal += c;
      }
      int y = LABEL + row * CELL;
      svg.append(text(LABEL - 8, y + CELL / 2 + 4, labels.get(row), "end", "#5b6478"));
      for (int col = 0; col < n; col++) {
        double share = rowTotal == 0 ? 0 : (double) counts[row][col] / rowTotal;
        int x = LABEL + col * CELL;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\"/>",
                x,
                y,
                CELL,
                CELL,
                shade(share)));
        svg.append(
            text(
                x + CELL / 2,
                y + CELL / 2 + 4,
                Integer.toString(counts[row][col]),
                "middle",
                share > 0.5 ? "#ffffff" : "#1d2433"));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** White for 0 to the brand blue for 1. */
  static String shade(double share) {
    double t = Math.max(0, Math.min(1, share));
    int r = (int) Math.round(255 + (0x3b - 255) * t);
    int g = (int) Math.round(255 + (0x4c - 255) * t);
    int b = (int) Math.round(255 + (0xca - 255) * t);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }

  private static String text(int x, int y, String content, String anchor, String colour) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
        x,
        y,
        anchor,
        colour,
        escape(content));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
