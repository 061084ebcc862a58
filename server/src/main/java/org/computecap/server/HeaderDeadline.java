package org.computecap.server;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * A deadline for request headers. Jetty's idle timeout restarts with every byte, so a client that
 * sends a header byte every few seconds would hold its connection forever; this sweeper looks at
 * every connection twice a second and closes one whose request headers have been arriving for
 * longer than {@code headerReadMs} (a request has started but its headers are not complete). An
 * idle keep-alive connection between requests is left to the idle timeout.
 */
final class HeaderDeadline implements AutoCloseable {
  private final ServerConnector connector;
  private final long headerReadMs;
  private final Map<EndPoint, Long> since = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "computecap-header-deadline");
            t.setDaemon(true);
            return t;
          });

  HeaderDeadline(ServerConnector connector, long headerReadMs) {
    this.connector = connector;
    this.headerReadMs = headerReadMs;
    long every = Math.max(50, Math.min(500, headerReadMs / 4));
    timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    long now = System.nanoTime();
    Set<EndPoint> seen = new HashSet<>();
    for (EndPoint ep : connector.getConnectedEndPoints()) {
      seen.add(ep);
      if (ep.getConnection() instanceof HttpConnection c
          && !c.getParser().isStart()
          && c.getParser().inHeaderState()) {
        long start = since.computeIfAbsent(ep, e -> now);
        if (now - start > TimeUnit.MILLISECONDS.toNanos(headerReadMs)) {
          since.remove(ep);
          ep.close();
        }
      } else {
        since.remove(ep);
      }
    }
    since.keySet().retainAll(seen);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
