package org.computecap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-sent events ({@code GET /api/events}) with backpressure. The writer hands each durable
 * batch's publication over and returns at once; one fan-out thread turns it into a {@code market}
 * event and offers it to every subscriber. Each subscriber has its own bounded queue, written with
 * Jetty's non-blocking writes, one at a time: nothing ever waits for a subscriber's socket. A
 * subscriber whose queue fills (it reads slower than events come) is dropped: its queue is replaced
 * by one {@code dropped} event saying why, and the connection is closed once that is written, or
 * after a grace period if its socket takes nothing at all. So a stalled reader costs one bounded
 * queue and never delays the writer or the other subscribers.
 */
final class EventHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  /** A subscriber is dropped when this many events wait for it ... */
  static final int MAX_QUEUED_EVENTS = 1024;

  /** ... or this many bytes. */
  static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

  /** How long a dropped subscriber has to take its last event before its connection is cut. */
  static final long DROP_GRACE_MS = 10_000;

  /** A comment every so often keeps idle connections (and proxies) open. */
  static final long KEEPALIVE_MS = 15_000;

  private final ObjectMapper json;
  private final Authenticator auth;
  private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ThreadPoolExecutor fanOut =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new LinkedBlockingQueue<>(1 << 16),
          r -> daemon(r, "computecap-sse"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "computecap-sse-timer"));
  private final java.util.concurrent.atomic.AtomicLong dropped =
      new java.util.concurrent.atomic.AtomicLong();

  EventHub(ObjectMapper json, Authenticator auth) {
    this.json = json;
    this.auth = auth;
    timer.scheduleWithFixedDelay(
        () -> broadcast(bytes(": keepalive\n\n")),
        KEEPALIVE_MS,
        KEEPALIVE_MS,
        TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Serves {@code GET /api/events}: 401 for a bad token, else a stream until closed. */
  boolean subscribe(Request request, Response response, Callback callback) {
    try {
      auth.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
    } catch (ApiException e) {
      Gate.writeJson(response, callback, e.status(), e.body(), json);
      return true;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
    response.getHeaders().put("X-Accel-Buffering", "no");
    Subscriber s = new Subscriber(response, callback);
    subscribers.add(s);
    s.offer(bytes(": connected\n\n"));
    return true;
  }

  /** How many subscribers are connected now. */
  int subscriberCount() {
    return subscribers.size();
  }

  /** How many subscribers were dropped for falling behind. */
  long droppedCount() {
    return dropped.get();
  }

  /** Hands a durable batch over for fan-out; never blocks the caller (the writer). */
  void publish(Projector.Publication p) {
    if (subscribers.isEmpty()) {
      return;
    }
    try {
      fanOut.execute(() -> broadcast(event(p)));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("server-sent events: the fan-out queue is full; batch {} skipped", p.head.seq());
    }
  }

  private void broadcast(ByteBuffer event) {
    for (Subscriber s : subscribers) {
      s.offer(event.duplicate());
    }
  }

  /** The {@code market} event of a batch: head, books, and the batch's anonymous trades. */
  private ByteBuffer event(Projector.Publication p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", p.head.seq());
    m.put("headHash", p.head.headHash());
    m.put("currentPeriod", p.head.currentPeriod());
    List<Views.BookMarket> books = new ArrayList<>();
    for (int v : p.books.vintages()) {
      books.add(p.books.byVintage().get(v).market());
    }
    m.put("books", books);
    List<Views.Trade> trades = new ArrayList<>(p.trades.size());
    for (Views.Trade t : p.trades) {
      trades.add(t.redactedFor(null));
    }
    m.put("trades", trades);
    try {
      return bytes("event: market\ndata: " + json.writeValueAsString(m) + "\n\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a market event", e);
    }
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    fanOut.shutdownNow();
    for (Subscriber s : subscribers) {
      s.end();
    }
    subscribers.clear();
  }

  /** One connected client: its queue and the one write in flight. */
  private final class Subscriber {
    private final Response response;
    private final Callback callback;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private int queuedBytes;
    private boolean writing;
    private boolean dropping;
    private boolean done;

    Subscriber(Response response, Callback callback) {
      this.response = response;
      this.callback = callback;
    }

    synchronized void offer(ByteBuffer event) {
      if (done || dropping) {
        return;
      }
      if (queue.size() >= MAX_QUEUED_EVENTS || queuedBytes + event.remaining() > MAX_QUEUED_BYTES) {
        drop();
        return;
      }
      queue.add(event);
      queuedBytes += event.remaining();
      pump();
    }

    /** Replaces the queue with the reason, and gives the socket a grace period to take it. */
    private void drop() {
      String reason =
          "the subscriber fell behind: "
              + queue.size()
              + " events ("
              + queuedBytes
              + " bytes) were waiting for it; reconnect and reload the current state";
      queue.clear();
      queuedBytes = 0;
      dropping = true;
      dropped.incrementAndGet();
      subscribers.remove(this);
      queue.add(bytes("event: dropped\ndata: {\"reason\": \"" + reason + "\"}\n\n"));
      timer.schedule(this::abort, DROP_GRACE_MS, TimeUnit.MILLISECONDS);
      pump();
    }

    private void pump() {
      if (writing || done) {
        return;
      }
      ByteBuffer next = queue.poll();
      if (next == null) {
        if (dropping) {
          abort();
        }
        return;
      }
      queuedBytes -= next.remaining();
      writing = true;
      response.write(false, next, Callback.from(this::written, this::failed));
    }

    private synchronized void written() {
      writing = false;
      pump();
    }

    private void failed(Throwable t) {
      synchronized (this) {
        writing = false;
      }
      abort();
    }

    /** Cuts the connection (a dropped or broken subscriber). */
    void abort() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
        queue.clear();
      }
      subscribers.remove(this);
      callback.failed(new IOException("event subscriber disconnected"));
    }

    /** Ends the stream normally (server shutdown). */
    void end() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      callback.succeeded();
    }
  }
}
