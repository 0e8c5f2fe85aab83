package org.beantf.serving;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The bounded queue in front of the models: at most {@code running} predictions at once, at most
 * {@code waiting} more waiting for a turn (each at most {@code maxWait}); beyond that a request is
 * refused with 503 at once. A request enters only once its body is read, so a slow client holds a
 * connection, not a turn; status, metadata and metrics do not queue.
 */
final class PredictionQueue {
  private final Semaphore turns;
  private final int maxWaiting;
  private final Duration maxWait;
  private final AtomicInteger waiting = new AtomicInteger();

  PredictionQueue(int running, int maxWaiting, Duration maxWait) {
    this.turns = new Semaphore(running, true);
    this.maxWaiting = maxWaiting;
    this.maxWait = maxWait;
  }

  /**
   * Runs {@code work} in a turn.
   *
   * @throws ApiException (503) when {@code maxWaiting} requests wait already, or no turn came in
   *     {@code maxWait}
   */
  <T> T run(Supplier<T> work) {
    if (!turns.tryAcquire()) {
      if (waiting.incrementAndGet() > maxWaiting) {
        waiting.decrementAndGet();
        throw new ApiException(
            503,
            "the server is busy: "
                + maxWaiting
                + " requests wait for a turn already (bean serve --max-queued-requests)");
      }
      try {
        if (!turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new ApiException(
              503,
              "the server is busy: no turn came in "
                  + maxWait.toSeconds()
                  + " s (bean serve --max-concurrent-requests)");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(503, "the server is stopping");
      } finally {
        waiting.decrementAndGet();
      }
    }
    try {
      return work.get();
    } finally {
      turns.release();
    }
  }
}
