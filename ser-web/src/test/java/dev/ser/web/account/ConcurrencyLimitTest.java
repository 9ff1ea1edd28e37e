package dev.ser.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

  @Test
  void neverMoreCallersInsideThanPermitsAndEveryoneGetsATurn() throws Exception {
    ConcurrencyLimit limit = new ConcurrencyLimit(2);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return limit.run(
                      () -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        try {
                          Thread.sleep(20);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return n;
                      });
                }));
      }
      start.countDown();
      List<Integer> done = new ArrayList<>();
      for (Future<Integer> result : results) {
        done.add(result.get());
      }
      assertThat(done).hasSize(16).doesNotHaveDuplicates();
    } finally {
      pool.shutdown();
    }
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void aFailingCallerGivesItsPermitBack() {
    ConcurrencyLimit limit = new ConcurrencyLimit(1);

    assertThatThrownBy(
            () ->
                limit.run(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(limit.run(() -> "next")).isEqualTo("next");
  }
}
