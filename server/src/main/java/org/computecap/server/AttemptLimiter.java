package org.computecap.server;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed attempts per client address over a sliding window: after {@code max} failures
 * within {@code windowMs}, every attempt from that address is refused until the oldest of them
 * leaves the window. Used for enrolment codes, which a public route exchanges for a token: a code
 * is 256 random bits, so guessing is hopeless anyway, but nobody should be able to try at the
 * server's full speed, and the refusal ({@code 429} with {@code Retry-After}) tells a client when
 * to try again. Memory is bounded: at most {@link #MAX_ADDRESSES} addresses are tracked, and when
 * that many are, the addresses whose failures all left the window are dropped first; if none has,
 * every address is refused until one does (a flood from many addresses slows everyone, never lets
 * anyone through faster).
 */
final class AttemptLimiter {
  /** How many client addresses are tracked at most. */
  static final int MAX_ADDRESSES = 10_000;

  private final int max;
  private final long windowMs;
  private final Clock clock;
  private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

  AttemptLimiter(int max, long windowMs, Clock clock) {
    if (max < 1 || windowMs < 1) {
      throw new IllegalArgumentException("max and windowMs must be positive");
    }
    this.max = max;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  /**
   * 0 when {@code address} may make an attempt now, else the seconds until it may (at least 1), for
   * the {@code Retry-After} header.
   */
  long retryAfterSeconds(String address) {
    long now = clock.millis();
    ArrayDeque<Long> times = failures.get(address);
    if (times == null) {
      return failures.size() >= MAX_ADDRESSES && !purge(now) ? windowSeconds() : 0;
    }
    synchronized (times) {
      expire(times, now);
      if (times.size() < max) {
        return 0;
      }
      return Math.max(1, (times.peekFirst() + windowMs - now + 999) / 1000);
    }
  }

  /** Records a failed attempt from {@code address}. */
  void failed(String address) {
    long now = clock.millis();
    if (!failures.containsKey(address) && failures.size() >= MAX_ADDRESSES && !purge(now)) {
      return;
    }
    ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      expire(times, now);
      times.addLast(now);
    }
  }

  private long windowSeconds() {
    return Math.max(1, (windowMs + 999) / 1000);
  }

  private void expire(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
      times.removeFirst();
    }
  }

  /** Drops the addresses with no failure left in the window; whether any was dropped. */
  private boolean purge(long now) {
    boolean dropped = false;
    Iterator<Map.Entry<String, ArrayDeque<Long>>> it = failures.entrySet().iterator();
    while (it.hasNext()) {
      ArrayDeque<Long> times = it.next().getValue();
      synchronized (times) {
        expire(times, now);
        if (times.isEmpty()) {
          it.remove();
          dropped = true;
        }
      }
    }
    return dropped;
  }
}
