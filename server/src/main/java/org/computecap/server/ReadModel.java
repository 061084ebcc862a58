package org.computecap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.computecap.engine.Event;
import org.computecap.engine.command.Role;
import org.computecap.engine.metering.MeterReadingAccepted;

/**
 * Everything the API reads, published by the writer thread after each durable batch and read by
 * request threads without locks and without ever touching the engine: so a read never waits for the
 * writer and the writer never waits for a read. Snapshots (the head, periods, books, each account)
 * are immutable records swapped in whole; lists that grow (histories) are {@link AppendOnlyList}s;
 * orders and trades, which grow with every command, live on disk ({@link OrderLog}, {@link
 * TradeLog}) with only open orders and the last trades of each book hot.
 *
 * <p>Only the {@link Projector} (on the writer thread) writes here. The model is derived from the
 * journal: restored from a state snapshot ({@link StateSnapshots}) and the journal entries after
 * it, or rebuilt from the whole journal. Its directory carries a generation id, renewed whenever
 * the files are emptied for a rebuild, so a snapshot saved over earlier files (which a rebuild cut
 * short by a crash may have emptied) is never restored over later ones.
 */
final class ReadModel implements AutoCloseable {
  /** How many recent trades a market view carries as its price history. */
  static final int HISTORY_POINTS = 500;

  /** A row of a per-account history: its cursor id, account, tick and the engine event. */
  record Row(long id, long accountId, long tick, Event event) {}

  /** A book's published market data and depth. */
  record Book(Views.BookMarket market, List<Views.Level> bids, List<Views.Level> asks) {}

  /** The tradable books, in vintage order, and whether the program trades them as one book. */
  record Books(List<Integer> vintages, Map<Integer, Book> byVintage, boolean single) {}

  /** A token as the API needs it for authentication and listing. */
  record TokenEntry(
      long tokenId,
      long accountId,
      long issuedBy,
      long enrolmentId,
      long issuedTick,
      long expiresTick,
      boolean revoked,
      long revokedBy) {
    TokenEntry revoke(long by) {
      return new TokenEntry(
          tokenId, accountId, issuedBy, enrolmentId, issuedTick, expiresTick, true, by);
    }
  }

  /** An enrolment code as the API lists it; {@code tokenId} 0 until it is used. */
  record EnrolmentEntry(
      long enrolmentId,
      long accountId,
      long issuedBy,
      long issuedTick,
      long expiresTick,
      long tokenId) {
    EnrolmentEntry usedFor(long token) {
      return new EnrolmentEntry(enrolmentId, accountId, issuedBy, issuedTick, expiresTick, token);
    }
  }

  /** An account's directory entry and its full view. */
  record AccountEntry(Views.DirectoryEntry directory, Views.Account account) {}

  /** An auction and its bids. */
  record AuctionEntry(Views.Auction auction, ConcurrentSkipListMap<Long, Views.Bid> bids) {}

  /** One account's histories, newest last. */
  static final class Histories {
    final AppendOnlyList<Row> reports = new AppendOnlyList<>();
    final AppendOnlyList<Row> meterReadings = new AppendOnlyList<>();
    final AppendOnlyList<Row> evaluations = new AppendOnlyList<>();
    final AppendOnlyList<Row> surrenders = new AppendOnlyList<>();
    final AppendOnlyList<Row> compliance = new AppendOnlyList<>();
    final AppendOnlyList<Row> audits = new AppendOnlyList<>();
    final AppendOnlyList<Row> penalties = new AppendOnlyList<>();
    final AppendOnlyList<Long> tokens = new AppendOnlyList<>();
    final AppendOnlyList<Long> enrolments = new AppendOnlyList<>();
  }

  /** The journal's durable head as of the last installed batch. */
  record HeadState(long seq, String headHash, long lastTick, Integer currentPeriod) {}

  /** A state hash the writer computed at {@code seq}. */
  record StateHashAt(String hash, long seq) {}

  volatile HeadState head = new HeadState(0, "0".repeat(64), 0, null);

  /** The latest state hash whose seq the durable head has reached. */
  volatile StateHashAt stateHash = new StateHashAt("0".repeat(64), 0);

  volatile List<Views.Period> periods = List.of();
  volatile Books books = new Books(List.of(), Map.of(), false);

  /** The market stability view ({@link StabilityProjection}). */
  volatile Views.Stability stability = new Views.Stability(List.of(), List.of(), List.of());

  /** Persons, their rights and credentials, and the waiting transactions (issue 15). */
  volatile Representation representatives = Representation.EMPTY;

  /** vintage -> the last trades of that book (all books' when the program trades one book). */
  volatile Map<Integer, List<Views.PricePoint>> history = Map.of();

  final ConcurrentSkipListMap<Long, AccountEntry> accounts = new ConcurrentSkipListMap<>();

  /** Every permit's serial number and the audit trail of their moves (issue 15). */
  final SerialProjection serials = new SerialProjection();

  final ConcurrentSkipListMap<Long, AuctionEntry> auctions = new ConcurrentSkipListMap<>();
  final ConcurrentHashMap<Long, Histories> histories = new ConcurrentHashMap<>();
  final AppendOnlyList<Row> compliance = new AppendOnlyList<>();
  final ConcurrentHashMap<Integer, AppendOnlyList<Row>> complianceByPeriod =
      new ConcurrentHashMap<>();
  final AppendOnlyList<Row> penalties = new AppendOnlyList<>();
  final ConcurrentSkipListMap<Integer, Views.AuditDraw> auditDraws = new ConcurrentSkipListMap<>();
  final ConcurrentHashMap<String, Long> tokenIdsByHash = new ConcurrentHashMap<>();
  final ConcurrentHashMap<Long, TokenEntry> tokens = new ConcurrentHashMap<>();
  final ConcurrentHashMap<Long, EnrolmentEntry> enrolments = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, Long> enrolmentIdsByHash = new ConcurrentHashMap<>();

  /**
   * account -> period -> attested totals (issue 17), summed from the account's accepted meter
   * readings as their rows are placed (at install and when a snapshot's rows are restored).
   */
  final ConcurrentHashMap<Long, ConcurrentSkipListMap<Integer, Views.AttestedPeriod>> attested =
      new ConcurrentHashMap<>();

  /** Adds an accepted reading to its account's attested total for its period. */
  void addAttested(MeterReadingAccepted m) {
    attested
        .computeIfAbsent(m.accountId(), a -> new ConcurrentSkipListMap<>())
        .merge(
            m.period(),
            new Views.AttestedPeriod(m.period(), 1, m.energyJoules(), m.computeGflop()),
            (a, b) ->
                new Views.AttestedPeriod(
                    a.period(),
                    a.readings() + b.readings(),
                    a.energyJoules() + b.energyJoules(),
                    a.computeGflop() + b.computeGflop()));
  }

  final ConcurrentHashMap<Long, Long> insurers = new ConcurrentHashMap<>();

  /** The closed periods' public report facts ({@link PublicReportProjection}). */
  final ConcurrentSkipListMap<Integer, PublicReportProjection.Facts> publicReports =
      new ConcurrentSkipListMap<>();

  final TradeLog trades;
  final OrderLog orders;

  /** The file in the model's directory that names the generation of its files. */
  static final String GENERATION_FILE = "generation";

  /** The generation of the files in {@link #dir}. */
  final String generation;

  /**
   * A read model whose disk half lives in {@code dir} (emptied: it is rebuilt from the journal).
   */
  ReadModel(Path dir) {
    this(dir, null);
  }

  /**
   * A read model whose disk half lives in {@code dir}: its files are kept when they are of {@code
   * keepGeneration} (a snapshot of that generation is being restored), else emptied under a new
   * generation.
   */
  ReadModel(Path dir, String keepGeneration) {
    try {
      Files.createDirectories(dir);
      boolean keep = keepGeneration != null && keepGeneration.equals(generationOf(dir));
      if (keep) {
        this.generation = keepGeneration;
      } else {
        // The new generation is durable before any file is emptied: a snapshot of the old
        // files never applies to what a crash in the middle of a rebuild leaves.
        this.generation = UUID.randomUUID().toString();
        StateSnapshots.writeAtomically(
            dir.resolve(GENERATION_FILE), generation.getBytes(StandardCharsets.US_ASCII));
      }
      this.trades = new TradeLog(dir, keep);
      this.orders = new OrderLog(dir, keep);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the read model in " + dir, e);
    }
  }

  /** The generation of the read model files in {@code dir}, or null when there is none. */
  static String generationOf(Path dir) {
    try {
      return Files.readString(dir.resolve(GENERATION_FILE), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      return null;
    }
  }

  /** The head as the API shows it: the durable head and the latest state hash at or below it. */
  Views.Head head() {
    HeadState h = head;
    StateHashAt sh = stateHash;
    return new Views.Head(
        h.seq(), h.headHash(), sh.hash(), sh.seq(), h.lastTick(), h.currentPeriod());
  }

  /** The role of an open account, or null. */
  Role roleOf(long accountId) {
    AccountEntry a = accounts.get(accountId);
    return a == null ? null : a.directory().role();
  }

  /** An account's histories, made on first use; writer thread only. */
  Histories historiesFor(long accountId) {
    return histories.computeIfAbsent(accountId, a -> new Histories());
  }

  /** An account's histories (empty ones for an account without any). */
  Histories histories(long accountId) {
    Histories h = histories.get(accountId);
    return h == null ? EMPTY : h;
  }

  private static final Histories EMPTY = new Histories();

  /** The token with this SHA-256 hash, or null. */
  TokenEntry tokenByHash(String hash) {
    Long id = tokenIdsByHash.get(hash);
    return id == null ? null : tokens.get(id);
  }

  /** The insurer appointed for {@code accountId}, or null. */
  Long insurerOf(long accountId) {
    return insurers.get(accountId);
  }

  @Override
  public void close() {
    trades.close();
    orders.close();
  }
}
