package dev.ser.web.analysis;

import dev.ser.domain.SerException;
import dev.ser.web.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most {@code ser.analysis.max-concurrent-per-client} analyses at once per client (an account,
 * or an address for anonymous callers); more is {@code too_many_requests} (429) at once, before any
 * decoding, so one client cannot take every worker of the server.
 */
@ApplicationScoped
public class AnalysisGate {
  @Inject
  @ConfigProperty(name = "ser.analysis.max-concurrent-per-client")
  int maxConcurrent;

  private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

  public <T> T through(Caller caller, Supplier<T> analysis) {
    String client = caller.clientKey();
    AtomicInteger count = running.computeIfAbsent(client, key -> new AtomicInteger());
    if (count.incrementAndGet() > maxConcurrent) {
      release(client, count);
      throw new SerException(
          "too_many_requests",
          "You already have " + maxConcurrent + " analyses running; wait for one to finish.");
    }
    try {
      return analysis.get();
    } finally {
      release(client, count);
    }
  }

  private void release(String client, AtomicInteger count) {
    if (count.decrementAndGet() == 0) {
      running.remove(client, count);
    }
  }
}
