package org.computecap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The first handler of every request, in front of Javalin, on Jetty's non-blocking core API.
 *
 * <ul>
 *   <li>{@code GET /api/events} is served here, by the {@link EventHub}, with non-blocking writes.
 *   <li>A request with a body is read here, asynchronously, before any thread of the pool is given
 *       to it: at most {@code maxBodyBytes} (413 beyond, sent once a body of up to 16 times the
 *       limit has been read and dropped, so the client is not reset mid-send), within {@code
 *       bodyReadMs} of the headers (408 and the connection closed after that), and a malformed body
 *       (a broken chunked encoding) is a 400 in the API's error shape, never a framework error
 *       page. Only a complete body goes on to Javalin. So clients that send their bodies slowly
 *       hold a connection each, for a bounded time, but never a thread, and cannot starve the
 *       others.
 *   <li>Everything else goes straight on.
 * </ul>
 */
final class Gate extends Handler.Wrapper {
  private final EventHub hub;
  private final ObjectMapper json;
  private final Server.Limits limits;

  Gate(EventHub hub, ObjectMapper json, Server.Limits limits) {
    this.hub = hub;
    this.json = json;
    this.limits = limits;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    if (method.equals("GET") && Request.getPathInContext(request).equals("/api/events")) {
      return hub.subscribe(request, response, callback);
    }
    long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (length <= 0 && !chunked) {
      return super.handle(request, response, callback);
    }
    if (length > drainLimit()) {
      // Too large to be worth reading: answer at once. The client may still be sending, and
      // closing on unread bytes can reset the connection before it reads the answer.
      tooLarge(response, callback);
      return true;
    }
    new BodyReader(request, response, callback, length > limits.maxBodyBytes()).start();
    return true;
  }

  /**
   * A body over the limit but under this many bytes is read to its end and dropped before the 413
   * goes out: answering while the client is still sending and then closing can reset the connection
   * (TCP discards the unread bytes and sends RST), and the client sees "connection reset" instead
   * of the 413 that says why.
   */
  private long drainLimit() {
    return 16L * limits.maxBodyBytes();
  }

  private void tooLarge(Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    writeJson(
        response,
        callback,
        413,
        new Views.Error(
            "BODY_TOO_LARGE",
            "the body is over the limit of " + limits.maxBodyBytes() + " bytes",
            null),
        json);
  }

  /** Writes one JSON answer and completes the request. */
  static void writeJson(
      Response response, Callback callback, int status, Object body, ObjectMapper json) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      callback.failed(e);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Reads one request's body without holding a thread, then hands the request on. */
  private final class BodyReader implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile Scheduler.Task deadline;
    // Over the limit: the rest of the body is read and dropped, then the 413 is sent.
    private boolean draining;
    private long drained;

    BodyReader(Request request, Response response, Callback callback, boolean draining) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.draining = draining;
    }

    void start() {
      deadline =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::expire, limits.bodyReadMs(), TimeUnit.MILLISECONDS);
      run();
    }

    /** Reads what has arrived; asks to be called again when more does. */
    @Override
    public void run() {
      while (!finished.get()) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          refuse(
              400,
              "MALFORMED_INPUT",
              "the body could not be read: it is not a well-formed HTTP body");
          return;
        }
        ByteBuffer b = chunk.getByteBuffer();
        if (!draining && body.size() + b.remaining() > limits.maxBodyBytes()) {
          draining = true;
          drained = body.size();
          body.reset();
        }
        if (draining) {
          drained += b.remaining();
          boolean last = chunk.isLast();
          chunk.release();
          if ((last || drained > drainLimit()) && finished.compareAndSet(false, true)) {
            cancelDeadline();
            tooLarge(response, callback);
            return;
          }
          continue;
        }
        byte[] part = new byte[b.remaining()];
        b.get(part);
        body.write(part, 0, part.length);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          pass();
          return;
        }
      }
    }

    private void pass() {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      cancelDeadline();
      Request buffered = new BufferedRequest(request, ByteBuffer.wrap(body.toByteArray()));
      try {
        if (!Gate.super.handle(buffered, response, callback)) {
          Response.writeError(buffered, response, callback, 404);
        }
      } catch (Throwable t) {
        callback.failed(t);
      }
    }

    private void cancelDeadline() {
      Scheduler.Task d = deadline;
      if (d != null) {
        d.cancel();
      }
    }

    private void expire() {
      if (draining) {
        refuse(
            413,
            "BODY_TOO_LARGE",
            "the body is over the limit of " + limits.maxBodyBytes() + " bytes");
        return;
      }
      refuse(
          408,
          "REQUEST_TIMEOUT",
          "the body did not arrive within " + limits.bodyReadMs() + " ms of the headers");
    }

    private void refuse(int status, String code, String message) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      cancelDeadline();
      response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      writeJson(response, callback, status, new Views.Error(code, message, null), json);
    }
  }

  /** The request with its body already read: later readers get it from memory. */
  private static final class BufferedRequest extends Request.Wrapper {
    private final ByteBufferContentSource content;

    BufferedRequest(Request request, ByteBuffer body) {
      super(request);
      this.content = new ByteBufferContentSource(body);
    }

    @Override
    public Content.Chunk read() {
      return content.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
      content.demand(demandCallback);
    }

    @Override
    public void fail(Throwable failure) {
      content.fail(failure);
    }
  }
}
