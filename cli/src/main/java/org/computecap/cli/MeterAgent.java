package org.computecap.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.server.ApiClient;

/**
 * The metering agent's work (issue 17), apart from its loop and clock so tests can drive it: {@link
 * #sample} reads the energy counters, makes the meter's next reading (the interval since the last
 * reading, the counter's start and end in joules, the compute estimate), signs it and stores it in
 * the outbox before anything is sent; {@link #deliver} posts the outbox's readings in order. A
 * reading the server already has (409 {@code METER_READING_REPLAYED}: the post arrived but its
 * answer did not, or the agent stopped before it noted the delivery) counts as delivered, so each
 * reading reaches the registry exactly once however often the agent stops and restarts.
 *
 * <p>The counter the meter signs is the agent's running total over the devices: each sample adds
 * every device's increase since the last sample (a device whose counter fell, because its driver
 * reloaded, adds its new value: energy since the reset), so it never runs backwards. The first
 * sample after an empty outbox is the baseline; the first reading covers the time from it.
 */
final class MeterAgent {
  private final ApiClient client;
  private final long account;
  private final long meter;
  private final PrivateKey key;
  private final EnergySource source;
  private final FlopEstimate flop;
  private final MeterOutbox outbox;
  private final PrintWriter log;
  private long baselineSeconds = -1;
  private long[] baselineRaw;

  MeterAgent(
      ApiClient client,
      long account,
      long meter,
      PrivateKey key,
      EnergySource source,
      FlopEstimate flop,
      MeterOutbox outbox,
      PrintWriter log) {
    this.client = client;
    this.account = account;
    this.meter = meter;
    this.key = key;
    this.source = source;
    this.flop = flop;
    this.outbox = outbox;
    this.log = log;
  }

  /** The server refused a reading for a reason a resend cannot cure; the agent must stop. */
  static final class RefusedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * Takes a sample at {@code nowSeconds}: the baseline when the outbox is empty and none was taken,
   * else the next reading, stored in the outbox. Returns the new reading, or null.
   */
  SubmitMeterReading sample(long nowSeconds) {
    MeterOutbox.Entry last = outbox.last();
    if (last == null && baselineSeconds < 0) {
      baselineRaw = source.readMillijoules();
      baselineSeconds = nowSeconds;
      return null;
    }
    long start = last == null ? baselineSeconds : last.reading().intervalEndSeconds();
    long[] raw = last == null ? baselineRaw : last.rawMillijoules();
    long total = last == null ? sum(baselineRaw) : last.totalMillijoules();
    long sequence = last == null ? 1 : last.reading().sequence() + 1;
    if (nowSeconds <= start) {
      return null;
    }
    long[] now = source.readMillijoules();
    if (now.length != raw.length) {
      throw new MeterSourceException(
          "the number of devices changed from "
              + raw.length
              + " to "
              + now.length
              + "; ask the regulator to replace the meter");
    }
    long newTotal = total;
    for (int i = 0; i < now.length; i++) {
      newTotal = Math.addExact(newTotal, now[i] >= raw[i] ? now[i] - raw[i] : now[i]);
    }
    long seconds = nowSeconds - start;
    SubmitMeterReading unsigned =
        new SubmitMeterReading(
            meter,
            account,
            sequence,
            start,
            nowSeconds,
            total / 1000,
            newTotal / 1000,
            flop.gflop(seconds, now.length),
            flop.method(seconds, now.length),
            SubmitMeterReading.UNSIGNED);
    SubmitMeterReading signed =
        unsigned.withSignature(MeterSignatures.sign(key, unsigned.signedBytes()));
    outbox.add(new MeterOutbox.Entry(signed, newTotal, now));
    return signed;
  }

  /**
   * Posts the pending readings in order and returns how many were delivered; stops at the first
   * that cannot reach the server (it stays pending for the next call).
   *
   * @throws RefusedException when the server refuses a reading for good
   */
  int deliver() {
    int delivered = 0;
    for (MeterOutbox.Entry e : outbox.pending()) {
      SubmitMeterReading r = e.reading();
      ApiClient.Response answer;
      try {
        answer = client.post("/api/meters/" + meter + "/readings", body(r));
      } catch (UncheckedIOException | java.util.concurrent.CompletionException ex) {
        log.println(
            "meter: server unreachable ("
                + ex.getMessage()
                + "); reading "
                + r.sequence()
                + " stays in the outbox");
        return delivered;
      }
      if (answer.status() == 201) {
        log.println("meter: reading " + r.sequence() + " delivered");
      } else if (answer.status() == 409 && "METER_READING_REPLAYED".equals(answer.code())) {
        log.println("meter: reading " + r.sequence() + " was already delivered");
      } else if (answer.status() >= 500 || answer.status() == 429) {
        log.println("meter: server answered " + answer.status() + "; will resend " + r.sequence());
        return delivered;
      } else {
        throw new RefusedException(
            "the server refused reading "
                + r.sequence()
                + " with "
                + answer.status()
                + " "
                + (answer.code() == null ? answer.text() : answer.code())
                + "; it stays in the outbox, and the agent stops (later readings would follow a"
                + " refused one)");
      }
      outbox.delivered(r.sequence());
      delivered++;
    }
    return delivered;
  }

  /** The JSON body of {@code POST /api/meters/{id}/readings} for a reading. */
  static Map<String, Object> body(SubmitMeterReading r) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("accountId", r.accountId());
    b.put("sequence", r.sequence());
    b.put("intervalStartSeconds", r.intervalStartSeconds());
    b.put("intervalEndSeconds", r.intervalEndSeconds());
    b.put("counterStartJoules", r.counterStartJoules());
    b.put("counterEndJoules", r.counterEndJoules());
    b.put("computeGflop", r.computeGflop());
    b.put("method", r.method());
    b.put("signature", r.signature());
    return b;
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s = Math.addExact(s, v);
    }
    return s;
  }
}
