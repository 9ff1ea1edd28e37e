package dev.ser.domain.emotion;

import java.util.Locale;

/**
 * The six emotions of the product (CREMA-D's label set). The declaration order is the model's
 * output order; it never changes without a new model.
 */
public enum Emotion {
  ANGER("anger"),
  DISGUST("disgust"),
  FEAR("fear"),
  HAPPY("happy"),
  NEUTRAL("neutral"),
  SAD("sad");

  private final String label;

  Emotion(String label) {
    this.label = label;
  }

  /** The lower-case name used in manifests, JSON and the model card. */
  public String label() {
    return label;
  }

  /** Parses a label such as {@code "anger"} (case-insensitive). */
  public static Emotion fromLabel(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    for (Emotion emotion : values()) {
      if (emotion.label.equals(wanted)) {
        return emotion;
      }
    }
    throw new IllegalArgumentException(
        "unknown emotion '"
            + label
            + "'; expected one of anger, disgust, fear, happy, neutral, sad");
  }

  public static int count() {
    return values().length;
  }
}
