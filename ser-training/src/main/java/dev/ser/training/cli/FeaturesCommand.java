package dev.ser.training.cli;

import java.io.PrintStream;

/** {@code ./ser features FILE}: prints the features of one file as one JSON object. */
final class FeaturesCommand implements Main.Command {
  @Override
  public String summary() {
    return "FILE: librosa-equal features of an audio file as one JSON object";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    throw new UnsupportedOperationException("not written yet");
  }
}
