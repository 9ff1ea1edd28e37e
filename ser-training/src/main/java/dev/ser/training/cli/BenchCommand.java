package dev.ser.training.cli;

import java.io.PrintStream;

/** {@code ./ser bench}: benchmarks that print numbers. */
final class BenchCommand implements Main.Command {
  @Override
  public String summary() {
    return "[audio|inference|all]: benchmarks of decoding, features and inference";
  }

  @Override
  public int run(String[] args, PrintStream out) {
    throw new UnsupportedOperationException("not written yet");
  }
}
