package dev.ser.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WindowBatcherTest {
  /** A window whose only content is {@code id}, so a row can say which window it came from. */
  private static InputWindow window(int id) {
    return new InputWindow(id, 1, new float[] {id}, new float[] {id}, new float[] {1});
  }

  private static List<InputWindow> windows(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(WindowBatcherTest::window).toList();
  }

  /** A "model" that answers each window with {@code [id, batch size]} and records its calls. */
  private static final class RecordingModel implements Function<List<InputWindow>, float[][]> {
    final List<Integer> callSizes = new CopyOnWriteArrayList<>();
    final CountDownLatch firstCallStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirstCall = new CountDownLatch(1);

    @Override
    public float[][] apply(List<InputWindow> windows) {
      if (callSizes.isEmpty()) {
        firstCallStarted.countDown();
        try {
          releaseFirstCall.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      callSizes.add(windows.size());
      return windows.stream()
          .map(w -> new float[] {w.logMel()[0], windows.size()})
          .toArray(float[][]::new);
    }
  }

  @Test
  void requestsArrivingDuringACallShareTheNextCallAndEachGetsItsOwnRows() throws Exception {
    RecordingModel model = new RecordingModel();
    ExecutorService callers = Executors.newFixedThreadPool(9);
    try (WindowBatcher batcher = new WindowBatcher(model, 64)) {
      Future<float[][]> first = callers.submit(() -> batcher.probabilities(windows(0, 3)));
      assertThat(model.firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<float[][]>> queued = new ArrayList<>();
      for (int caller = 1; caller <= 8; caller++) {
        int from = caller * 100;
        queued.add(callers.submit(() -> batcher.probabilities(windows(from, 3))));
      }
      while (batcher.waiting() < 8) {
        Thread.sleep(10);
      }
      model.releaseFirstCall.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).hasDimensions(3, 2);
      for (int caller = 1; caller <= 8; caller++) {
        float[][] rows = queued.get(caller - 1).get(10, TimeUnit.SECONDS);
        assertThat(rows).hasNumberOfRows(3);
        for (int i = 0; i < 3; i++) {
          assertThat(rows[i][0]).as("its own window, in order").isEqualTo(caller * 100 + i);
        }
      }
      assertThat(model.callSizes).containsExactly(3, 24);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aRequestLargerThanTheBatchIsCutIntoCallsOfAtMostThatManyWindows() {
    RecordingModel model = new RecordingModel();
    model.releaseFirstCall.countDown();
    try (WindowBatcher batcher = new WindowBatcher(model, 4)) {
      float[][] rows = batcher.probabilities(windows(0, 10));

      assertThat(model.callSizes).containsExactly(4, 4, 2);
      for (int i = 0; i < 10; i++) {
        assertThat(rows[i][0]).isEqualTo(i);
      }
    }
  }

  @Test
  void aFailedCallFailsItsRequestsAndTheNextCallWorks() {
    Function<List<InputWindow>, float[][]> failsOnSeven =
        ws -> {
          if (ws.get(0).startFrame() == 7) {
            throw new ModelException("model_failed", "boom");
          }
          return ws.stream().map(w -> new float[] {w.logMel()[0]}).toArray(float[][]::new);
        };
    try (WindowBatcher batcher = new WindowBatcher(failsOnSeven, 64)) {
      assertThatThrownBy(() -> batcher.probabilities(List.of(window(7))))
          .isInstanceOf(ModelException.class)
          .hasMessage("boom");
      assertThat(batcher.probabilities(List.of(window(8)))[0]).containsExactly(8f);
    }
  }

  @Test
  void afterCloseRequestsFailWithModelUnavailable() {
    WindowBatcher batcher = new WindowBatcher(ws -> new float[ws.size()][6], 64);
    batcher.close();

    assertThatThrownBy(() -> batcher.probabilities(List.of(window(1))))
        .isInstanceOf(ModelException.class)
        .extracting(e -> ((ModelException) e).code())
        .isEqualTo("model_unavailable");
  }
}
