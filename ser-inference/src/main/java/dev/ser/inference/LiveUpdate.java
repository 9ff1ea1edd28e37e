package dev.ser.inference;

import dev.ser.domain.emotion.EmotionScores;
import java.util.Optional;

/**
 * What a live stream sounds like now: the window of up to 3 s ending {@code seconds} into the
 * stream, with its scores when someone speaks in it.
 *
 * @param seconds the window's end, seconds of stream time
 * @param scores the window's scores; empty while nobody speaks
 */
public record LiveUpdate(double seconds, Optional<EmotionScores> scores) {
  public boolean speech() {
    return scores.isPresent();
  }
}
