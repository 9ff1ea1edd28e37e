package dev.ser.web.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** At most {@code permits} callers run their work at once; the others wait their turn, in order. */
final class ConcurrencyLimit {
  private final Semaphore permits;

  ConcurrencyLimit(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("at least one permit: " + permits);
    }
    this.permits = new Semaphore(permits, true);
  }

  <T> T run(Supplier<T> work) {
    permits.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
