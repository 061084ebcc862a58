package org.computecap.server;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Server-sent events for the dashboard: the writer thread hands over one JSON text per batch, and a
 * separate sender thread writes it to every connected client, so a slow browser can never hold up
 * the writer (and with it every command). Messages are ordered; a client that went away is dropped
 * on its next failed write or on close.
 */
final class EventHub implements AutoCloseable {
  private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "computecap-sse");
            t.setDaemon(true);
            return t;
          });

  void add(SseClient client) {
    clients.add(client);
    client.onClose(() -> clients.remove(client));
  }

  int clientCount() {
    return clients.size();
  }

  /** Sends {@code json} as an event named {@code name} to every client, in order. */
  void publish(String name, String json) {
    if (clients.isEmpty()) {
      return;
    }
    sender.execute(
        () -> {
          for (SseClient c : clients) {
            if (c.terminated()) {
              clients.remove(c);
            } else {
              c.sendEvent(name, json);
            }
          }
        });
  }

  @Override
  public void close() {
    sender.shutdownNow();
    for (SseClient c : clients) {
      c.close();
    }
  }
}
