package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded queue: turns, waiting places, and 503 beyond them. */
class PredictionQueueTest {
  @Test
  void aFullQueueRefusesAtOnceAndAWaitThatIsTooLongRefusesLater() throws Exception {
    PredictionQueue queue = new PredictionQueue(1, 1, Duration.ofMillis(300));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> running =
          threads.submit(
              () ->
                  queue.run(
                      () -> {
                        holding.countDown();
                        awaitQuietly(release);
                        return 1;
                      }));
      assertTrue(holding.await(5, TimeUnit.SECONDS));
      Future<Integer> waiting = threads.submit(() -> queue.run(() -> 2));
      Thread.sleep(50); // the second request is waiting now
      ApiException full = assertThrows(ApiException.class, () -> queue.run(() -> 3));
      assertEquals(503, full.status());
      assertTrue(full.getMessage().contains("1 requests wait"), full.getMessage());
      // the waiting one gives up after 300 ms with its own 503
      ApiException late =
          (ApiException)
              assertThrows(java.util.concurrent.ExecutionException.class, waiting::get).getCause();
      assertTrue(late.getMessage().contains("no turn came"), late.getMessage());
      release.countDown();
      assertEquals(1, running.get());
      assertEquals(4, queue.run(() -> 4)); // the turn is free again
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
