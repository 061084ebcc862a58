package org.computecap.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.Event;

/**
 * The read model's half of a state snapshot ({@link StateSnapshots}): what the {@link Projector}
 * and the {@link ReadModel} hold in memory at the snapshot's seq, so that a restart rebuilds the
 * model from it and the journal entries after it instead of from the whole journal. Orders and
 * trades stay in the model's files (synced before the snapshot is written); the image keeps their
 * counts, indexes and the open orders, and names the files' generation, which must match.
 *
 * <p>What the engine state gives again (accounts, books, periods, the head) is not saved: a full
 * publication from the restored engine rebuilds it, exactly as after a full replay. The rest, the
 * history rows with their events and the access and auction entries, is one JSON document, and the
 * indexes follow it as binary.
 */
final class ReadModelImage {
  // Version 2 added the stability projection: an image without it would restore an empty one.
  // Version 3 added the public report projection, for the same reason.
  // Version 4 added the serial numbers (issue 15), binary after the trades.
  private static final int VERSION = 4;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A history row with its event's type, so the event reads back as the same record. */
  record SavedRow(long id, long accountId, long tick, String type, JsonNode event) {}

  /** The JSON part of the image. */
  record Saved(
      long rows,
      List<SavedRow> history,
      Map<Integer, Views.PeriodClose> closed,
      List<ReadModel.TokenEntry> tokens,
      Map<String, Long> tokenHashes,
      List<ReadModel.EnrolmentEntry> enrolments,
      Map<String, Long> enrolmentHashes,
      List<Views.Auction> auctions,
      Map<Long, List<Views.Bid>> bids,
      Map<Integer, List<Views.PricePoint>> prices,
      Map<Long, Long> insurers,
      List<Views.AuditDraw> auditDraws,
      Map<Integer, StabilityProjection.Tally> stability,
      PublicReportProjection.Saved reports) {}

  private ReadModelImage() {}

  /**
   * Writes the image of {@code projector}'s model; writer thread, with every prepared batch
   * installed (so the model and the projector agree).
   */
  static void write(Projector projector, DataOutputStream out) throws IOException {
    ReadModel model = projector.model();
    out.writeInt(VERSION);
    out.writeUTF(model.generation);
    byte[] json = JSON.writeValueAsBytes(projector.saved(rows(model)));
    out.writeInt(json.length);
    out.write(json);
    model.orders.save(out);
    model.trades.save(out);
    model.serials.save(out);
  }

  /** Every history row of the model once, in id order. */
  private static List<SavedRow> rows(ReadModel model) {
    TreeMap<Long, ReadModel.Row> byId = new TreeMap<>();
    for (ReadModel.Histories h : model.histories.values()) {
      for (AppendOnlyList<ReadModel.Row> list :
          List.of(
              h.reports,
              h.meterReadings,
              h.evaluations,
              h.surrenders,
              h.compliance,
              h.audits,
              h.penalties)) {
        for (int i = 0; i < list.size(); i++) {
          ReadModel.Row r = list.get(i);
          byId.put(r.id(), r);
        }
      }
    }
    List<SavedRow> out = new ArrayList<>(byId.size());
    for (ReadModel.Row r : byId.values()) {
      out.add(save(r));
    }
    return out;
  }

  /** A history row as the image keeps it. */
  static SavedRow save(ReadModel.Row r) {
    return new SavedRow(
        r.id(),
        r.accountId(),
        r.tick(),
        r.event().getClass().getName(),
        JSON.valueToTree(r.event()));
  }

  /** A history row read back from the image. */
  static ReadModel.Row load(SavedRow r) throws IOException {
    return new ReadModel.Row(r.id(), r.accountId(), r.tick(), event(r));
  }

  /** The generation of the read model files an image names, read ahead of the rest. */
  static String generation(DataInputStream in) throws IOException {
    int version = in.readInt();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "read model image: format version " + version + ", this server reads " + VERSION);
    }
    return in.readUTF();
  }

  /**
   * Restores the image that follows its generation in {@code in} into {@code projector}'s model
   * (made over the files of that generation), then publishes the whole model from {@code state} at
   * the journal's {@code seq} and {@code head}. Before the writer or any reader starts.
   */
  static void restore(
      DataInputStream in, Projector projector, EngineState state, long seq, byte[] head)
      throws IOException {
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    Saved saved = JSON.readValue(json, Saved.class);
    List<ReadModel.Row> rows = new ArrayList<>(saved.history().size());
    for (SavedRow r : saved.history()) {
      rows.add(load(r));
    }
    ReadModel model = projector.model();
    List<Views.Order> open = model.orders.restore(in);
    model.trades.restore(in);
    model.serials.restore(in);
    projector.restore(saved, rows, open, state, seq, head);
  }

  private static Event event(SavedRow r) throws IOException {
    Class<?> type;
    try {
      // Not initialised before it is known to be an event: the file names the class.
      type = Class.forName(r.type(), false, ReadModelImage.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("read model image: unknown event type " + r.type(), e);
    }
    if (!Event.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("read model image: " + r.type() + " is not an event");
    }
    return (Event) JSON.treeToValue(r.event(), type);
  }
}
