package dev.ser.training.corpus;

import java.util.Locale;

/** A speaker's gender as a corpus records it; only used to balance the validation speakers. */
public enum Gender {
  FEMALE,
  MALE,
  UNKNOWN;

  /**
   * Parses {@code female}/{@code f}/{@code male}/{@code m} (any case); anything else is unknown.
   */
  public static Gender parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "female", "f" -> FEMALE;
      case "male", "m" -> MALE;
      default -> UNKNOWN;
    };
  }
}
