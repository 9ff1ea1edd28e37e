package dev.ser.web.analysis;

import dev.ser.domain.emotion.Emotion;

/**
 * How each emotion is shown: the sentence on the result page and the face drawn for it (SVG path
 * data for the brows and mouth in a 120 × 120 box; the animation is in ser.css, one per emotion).
 */
public enum EmotionLook {
  ANGER(
      "angry",
      "Loud, tense and sharp voices usually read as anger.",
      "M30 36 L52 45 M90 36 L68 45",
      "M40 90 Q60 76 80 90"),
  DISGUST(
      "disgusted",
      "Disgust often comes out as a low, drawn-out, nasal voice.",
      "M30 42 L50 40 M70 34 L90 42",
      "M40 86 Q50 78 60 86 T80 84"),
  FEAR(
      "afraid",
      "Fear tends to be high, breathy and unsteady.",
      "M32 38 Q42 28 52 36 M68 36 Q78 28 88 38",
      "M50 88 a10 9 0 1 0 20 0 a10 9 0 1 0 -20 0"),
  HAPPY(
      "happy",
      "Happy voices are usually bright, lively and higher pitched.",
      "M32 36 Q42 30 52 36 M68 36 Q78 30 88 36",
      "M38 76 Q60 102 82 76"),
  NEUTRAL(
      "neutral",
      "No strong emotion stood out: an even, steady voice.",
      "M32 38 L52 38 M68 38 L88 38",
      "M42 84 L78 84"),
  SAD(
      "sad",
      "Sadness tends to be quiet, slow and low.",
      "M32 40 L52 33 M68 33 L88 40",
      "M40 92 Q60 76 80 92");

  private final String adjective;
  private final String explanation;
  private final String brows;
  private final String mouth;

  EmotionLook(String adjective, String explanation, String brows, String mouth) {
    this.adjective = adjective;
    this.explanation = explanation;
    this.brows = brows;
    this.mouth = mouth;
  }

  public static EmotionLook of(Emotion emotion) {
    return valueOf(emotion.name());
  }

  /** The verdict stated as fact, for a prediction the model is sure of. */
  public String getHeadline() {
    return "This sounds " + adjective + ".";
  }

  /** How the voice sounds, e.g. "angry". */
  public String getAdjective() {
    return adjective;
  }

  public String getExplanation() {
    return explanation;
  }

  public String getBrows() {
    return brows;
  }

  public String getMouth() {
    return mouth;
  }
}
