package org.computecap.engine.representatives;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.Role;

/**
 * Who acts for whom as a person (issue 15): the persons, which accounts each represents and how
 * (initiator, approver), their enrolment codes and tokens, the transactions that wait for a second
 * person or for a delay, and each account's trusted list. It exists only for a program with a
 * {@code representatives} section (see {@link EngineState}), so no other program's encoding
 * changes.
 *
 * <p>Invariants: every representation names a registered person and an open account (or the market
 * regulator, 0) with at least one right; the per-account counts and the hash indexes are derived
 * exactly; the open set holds exactly the transactions awaiting approval or a delay; a used code
 * names a token of the same person and account. Secrets are known only by their SHA-256 hashes.
 */
public final class RepresentativeState implements FeatureState {
  static final String NAME = "representatives";

  /** Right bits of a representation. */
  static final int INITIATOR = 1;

  static final int APPROVER = 2;

  /** Either right, for {@link #forRegulator}. */
  static final int ANY = INITIATOR | APPROVER;

  /** Wrapped commands are kept in their journal encoding, so the state encodes them exactly. */
  private static final CommandCodec CODEC = CommandCodec.standard();

  /** A registered person. */
  public record Person(long id, String name, boolean senior, long registeredBy) {}

  /** A person's rights on an account, for readers. */
  public record Right(long personId, long accountId, boolean initiator, boolean approver) {}

  /** A person's credential (an enrolment code or a token), for readers. */
  public record Credential(
      long id,
      long personId,
      long accountId,
      String hash,
      long expiresTick,
      boolean revoked,
      long tokenId) {}

  /**
   * A transaction, for readers; {@code accountId} is -1 for a regulator action, {@code
   * executeAtTick} is set once it waits out a delay.
   */
  public record Waiting(
      long transactionId,
      long accountId,
      long initiatorId,
      String command,
      Status status,
      long initiatedTick,
      long expiresTick,
      long executeAtTick,
      long approverId,
      String refusal) {}

  /** A person's enrolment code; {@code tokenId} is 0 until it is used. */
  static final class Code {
    final long id;
    final long personId;
    final long accountId;
    final String hash;
    final long issuedBy;
    final long issuedTick;
    final long expiresTick;
    long tokenId;

    Code(long id, long personId, long accountId, String hash, long by, long tick, long expires) {
      this.id = id;
      this.personId = personId;
      this.accountId = accountId;
      this.hash = hash;
      this.issuedBy = by;
      this.issuedTick = tick;
      this.expiresTick = expires;
    }
  }

  /** A person's token, acting for one account the person represents. */
  static final class Token {
    final long id;
    final long personId;
    final long accountId;
    final long codeId;
    final String hash;
    final long issuedTick;
    final long expiresTick;
    boolean revoked;
    long revokedTick;
    long revokedBy;

    Token(long id, long personId, long accountId, long codeId, String hash, long tick, long exp) {
      this.id = id;
      this.personId = personId;
      this.accountId = accountId;
      this.codeId = codeId;
      this.hash = hash;
      this.issuedTick = tick;
      this.expiresTick = exp;
    }
  }

  /** Where a transaction initiated by a person stands. */
  public enum Status {
    /** Waits for a second representative (four-eyes). */
    AWAITING_APPROVAL,
    /** Approved (or needing no approval) and waits out a trusted-list delay. */
    DELAYED,
    EXECUTED,
    /** Executed under the rules of its moment and refused by them; {@code refusal} says why. */
    REFUSED,
    CANCELLED,
    EXPIRED
  }

  /** A command initiated by a person that did not execute at once. */
  static final class Transaction {
    final long id;
    final long accountId;
    final long initiatorId;
    final Command command;
    final long initiatedTick;
    final long expiresTick;

    /** Whether it waits out the untrusted-transfer delay once approved. */
    final boolean delayed;

    Status status;
    long approverId;
    long executeAtTick;
    long endedBy;
    String refusal = "";

    Transaction(
        long id,
        long accountId,
        long initiatorId,
        Command command,
        long initiatedTick,
        long expiresTick,
        boolean delayed) {
      this.id = id;
      this.accountId = accountId;
      this.initiatorId = initiatorId;
      this.command = command;
      this.initiatedTick = initiatedTick;
      this.expiresTick = expiresTick;
      this.delayed = delayed;
    }

    boolean isOpen() {
      return status == Status.AWAITING_APPROVAL || status == Status.DELAYED;
    }
  }

  final TreeMap<Long, Person> persons = new TreeMap<>();

  /** person -> account -> right bits (never 0). */
  final TreeMap<Long, TreeMap<Long, Integer>> rights = new TreeMap<>();

  /** account -> its representatives (derived from {@link #rights}). */
  final transient TreeMap<Long, Integer> counts = new TreeMap<>();

  final TreeMap<Long, Code> codes = new TreeMap<>();
  final TreeMap<Long, Token> tokens = new TreeMap<>();

  /** Secret hash -> code or token id; looked up, never iterated. */
  final transient Map<String, Long> codeByHash = new HashMap<>();

  final transient Map<String, Long> tokenByHash = new HashMap<>();

  final TreeMap<Long, Transaction> transactions = new TreeMap<>();

  /** Ids of the open transactions (derived), for {@code AdvanceTime}. */
  final transient TreeSet<Long> open = new TreeSet<>();

  /** account -> trusted account -> the tick its entry takes effect. */
  final TreeMap<Long, TreeMap<Long, Long>> trusted = new TreeMap<>();

  /** Persons' passwords, TOTP secrets and OpenID Connect subjects (issue 16). */
  final SignIns signIns = new SignIns();

  RepresentativeState() {}

  /** A new, empty state. */
  public static RepresentativeState open() {
    return new RepresentativeState();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether a person has this id. */
  public boolean personExists(long personId) {
    return persons.containsKey(personId);
  }

  /** Whether the person is a senior regulator; false for an unknown person. */
  public boolean isSenior(long personId) {
    Person p = persons.get(personId);
    return p != null && p.senior();
  }

  /** Whether {@code personId} may initiate commands for {@code accountId}. */
  public boolean isInitiator(long personId, long accountId) {
    return (rightsOf(personId, accountId) & INITIATOR) != 0;
  }

  /** Whether {@code personId} may approve others' commands for {@code accountId}. */
  public boolean isApprover(long personId, long accountId) {
    return (rightsOf(personId, accountId) & APPROVER) != 0;
  }

  /** Whether {@code personId} represents {@code accountId} at all. */
  public boolean represents(long personId, long accountId) {
    return rightsOf(personId, accountId) != 0;
  }

  /** How many persons represent {@code accountId}. */
  public int representativeCount(long accountId) {
    return counts.getOrDefault(accountId, 0);
  }

  int rightsOf(long personId, long accountId) {
    TreeMap<Long, Integer> r = rights.get(personId);
    return r == null ? 0 : r.getOrDefault(accountId, 0);
  }

  /** Whether the person holds {@code right} for the market regulator or a regulator account. */
  boolean forRegulator(EngineState state, long personId, int right) {
    return forRole(state, personId, right, Role.REGULATOR);
  }

  /**
   * Whether the person holds {@code right} on an account of {@code role} (the market regulator,
   * account 0, counts as a regulator's).
   */
  boolean forRole(EngineState state, long personId, int right, Role role) {
    TreeMap<Long, Integer> r = rights.get(personId);
    if (r == null) {
      return false;
    }
    for (Map.Entry<Long, Integer> e : r.entrySet()) {
      long a = e.getKey();
      boolean ofRole = a == 0 ? role == Role.REGULATOR : state.registry().role(a) == role;
      if (ofRole && (e.getValue() & right) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a person's code or token already uses this hash. */
  public boolean hashUsed(String hash) {
    return codeByHash.containsKey(hash) || tokenByHash.containsKey(hash);
  }

  /** Whether a person token has this id. */
  public boolean tokenExists(long tokenId) {
    return tokens.containsKey(tokenId);
  }

  /** Whether person token {@code tokenId} exists, is not revoked and has not expired at tick. */
  public boolean tokenActive(long tokenId, long tick) {
    Token t = tokens.get(tokenId);
    return t != null && !t.revoked && tick < t.expiresTick;
  }

  /** The person a token belongs to; the token must exist. */
  public long tokenPerson(long tokenId) {
    return tokens.get(tokenId).personId;
  }

  /** The status of a transaction, or null when none has this id. */
  public Status status(long transactionId) {
    Transaction t = transactions.get(transactionId);
    return t == null ? null : t.status;
  }

  /** Why an executed transaction was refused (a rejection code), or "" when it was not. */
  public String refusal(long transactionId) {
    Transaction t = transactions.get(transactionId);
    return t == null ? "" : t.refusal;
  }

  /** Whether transfers from {@code accountId} to {@code to} count as trusted at {@code tick}. */
  public boolean trusts(long accountId, long to, long tick) {
    TreeMap<Long, Long> list = trusted.get(accountId);
    Long from = list == null ? null : list.get(to);
    return from != null && from <= tick;
  }

  /** Whether {@code to} is on {@code accountId}'s list, in effect yet or not. */
  boolean listed(long accountId, long to) {
    TreeMap<Long, Long> list = trusted.get(accountId);
    return list != null && list.containsKey(to);
  }

  /** Every person, by id. */
  public List<Person> persons() {
    return List.copyOf(persons.values());
  }

  /** Every person's rights, by person then account. */
  public List<Right> rights() {
    List<Right> out = new ArrayList<>();
    for (Map.Entry<Long, TreeMap<Long, Integer>> e : rights.entrySet()) {
      for (Map.Entry<Long, Integer> r : e.getValue().entrySet()) {
        int bits = r.getValue();
        out.add(new Right(e.getKey(), r.getKey(), (bits & INITIATOR) != 0, (bits & APPROVER) != 0));
      }
    }
    return out;
  }

  /** Every person token, by id. */
  public List<Credential> personTokens() {
    List<Credential> out = new ArrayList<>(tokens.size());
    for (Token t : tokens.values()) {
      out.add(
          new Credential(t.id, t.personId, t.accountId, t.hash, t.expiresTick, t.revoked, t.id));
    }
    return out;
  }

  /** Every person enrolment code, by id ({@code tokenId} 0 while unused). */
  public List<Credential> personCodes() {
    List<Credential> out = new ArrayList<>(codes.size());
    for (Code c : codes.values()) {
      out.add(
          new Credential(
              c.id, c.personId, c.accountId, c.hash, c.expiresTick, c.tokenId != 0, c.tokenId));
    }
    return out;
  }

  /**
   * A person's sign-in, for the server (issue 16): the Argon2id hash of the password, the TOTP
   * secret and the OpenID Connect subject, each empty when not set, and the ticks they were set.
   */
  public record SignIn(
      long personId,
      String passwordHash,
      long passwordTick,
      String totpSecret,
      long totpTick,
      String oidcSubject) {}

  /** Every person's sign-in, by person. */
  public List<SignIn> signIns() {
    return signIns.list();
  }

  /** The person linked to this OpenID Connect subject, or 0. */
  public long personOfOidcSubject(String subject) {
    return signIns.personOfSubject(subject);
  }

  /** An entry of a trusted list, for readers: transfers to it are trusted from the tick. */
  public record TrustedEntry(long accountId, long trustedAccountId, long effectiveTick) {}

  /** Every trusted-list entry, by account then trusted account. */
  public List<TrustedEntry> trustedEntries() {
    List<TrustedEntry> out = new ArrayList<>();
    for (Map.Entry<Long, TreeMap<Long, Long>> e : trusted.entrySet()) {
      for (Map.Entry<Long, Long> t : e.getValue().entrySet()) {
        out.add(new TrustedEntry(e.getKey(), t.getKey(), t.getValue()));
      }
    }
    return out;
  }

  /** The transactions still waiting (for approval or a delay), by id. */
  public List<Waiting> openTransactions() {
    List<Waiting> out = new ArrayList<>(open.size());
    for (long id : open) {
      out.add(waiting(transactions.get(id)));
    }
    return out;
  }

  /** A transaction, or null when none has this id. */
  public Waiting transaction(long transactionId) {
    Transaction t = transactions.get(transactionId);
    return t == null ? null : waiting(t);
  }

  private static Waiting waiting(Transaction t) {
    return new Waiting(
        t.id,
        t.accountId,
        t.initiatorId,
        t.command.toString(),
        t.status,
        t.initiatedTick,
        t.expiresTick,
        t.executeAtTick,
        t.approverId,
        t.refusal);
  }

  /**
   * The earliest tick at which {@code AdvanceTime} has something to do (a delay ends or an approval
   * window closes), or {@link Long#MAX_VALUE} when nothing waits.
   */
  public long nextDueTick() {
    long next = Long.MAX_VALUE;
    for (long id : open) {
      Transaction t = transactions.get(id);
      next = Math.min(next, t.status == Status.DELAYED ? t.executeAtTick : t.expiresTick);
    }
    return next;
  }

  // ------------------------------------------------------------ mutators (the handler)

  void setRights(long personId, long accountId, int bits) {
    int before = rightsOf(personId, accountId);
    TreeMap<Long, Integer> r = rights.computeIfAbsent(personId, k -> new TreeMap<>());
    if (bits == 0) {
      r.remove(accountId);
      if (r.isEmpty()) {
        rights.remove(personId);
      }
    } else {
      r.put(accountId, bits);
    }
    int delta = (bits != 0 ? 1 : 0) - (before != 0 ? 1 : 0);
    if (delta != 0) {
      int n = representativeCount(accountId) + delta;
      if (n == 0) {
        counts.remove(accountId);
      } else {
        counts.put(accountId, n);
      }
    }
  }

  void addCode(Code c) {
    codes.put(c.id, c);
    codeByHash.put(c.hash, c.id);
  }

  void addToken(Token t) {
    tokens.put(t.id, t);
    tokenByHash.put(t.hash, t.id);
  }

  void addTransaction(Transaction t) {
    transactions.put(t.id, t);
    if (t.isOpen()) {
      open.add(t.id);
    }
  }

  /** Ends an open transaction with {@code status}. */
  void end(Transaction t, Status status, long by) {
    t.status = status;
    t.endedBy = by;
    open.remove(t.id);
  }

  void trust(long accountId, long to, long fromTick) {
    trusted.computeIfAbsent(accountId, k -> new TreeMap<>()).put(to, fromTick);
  }

  void distrust(long accountId, long to) {
    TreeMap<Long, Long> list = trusted.get(accountId);
    list.remove(to);
    if (list.isEmpty()) {
      trusted.remove(accountId);
    }
  }

  // ------------------------------------------------------------ encoding

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(persons.size());
    for (Person p : persons.values()) {
      w.writeLong(p.id())
          .writeString(p.name())
          .writeBoolean(p.senior())
          .writeLong(p.registeredBy());
    }
    w.writeInt(rights.size());
    for (Map.Entry<Long, TreeMap<Long, Integer>> e : rights.entrySet()) {
      w.writeLong(e.getKey()).writeInt(e.getValue().size());
      for (Map.Entry<Long, Integer> r : e.getValue().entrySet()) {
        w.writeLong(r.getKey()).writeInt(r.getValue());
      }
    }
    w.writeInt(codes.size());
    for (Code c : codes.values()) {
      w.writeLong(c.id)
          .writeLong(c.personId)
          .writeLong(c.accountId)
          .writeString(c.hash)
          .writeLong(c.issuedBy)
          .writeLong(c.issuedTick)
          .writeLong(c.expiresTick)
          .writeLong(c.tokenId);
    }
    w.writeInt(tokens.size());
    for (Token t : tokens.values()) {
      w.writeLong(t.id)
          .writeLong(t.personId)
          .writeLong(t.accountId)
          .writeLong(t.codeId)
          .writeString(t.hash)
          .writeLong(t.issuedTick)
          .writeLong(t.expiresTick)
          .writeBoolean(t.revoked)
          .writeLong(t.revokedTick)
          .writeLong(t.revokedBy);
    }
    writeTransactions(w);
    w.writeInt(trusted.size());
    for (Map.Entry<Long, TreeMap<Long, Long>> e : trusted.entrySet()) {
      w.writeLong(e.getKey()).writeLongs(e.getValue());
    }
    signIns.write(w);
  }

  private void writeTransactions(CanonicalWriter w) {
    w.writeInt(transactions.size());
    for (Transaction t : transactions.values()) {
      w.writeLong(t.id)
          .writeLong(t.accountId)
          .writeLong(t.initiatorId)
          .writeBytes(CODEC.encode(t.command))
          .writeLong(t.initiatedTick)
          .writeLong(t.expiresTick)
          .writeBoolean(t.delayed)
          .writeInt(t.status.ordinal())
          .writeLong(t.approverId)
          .writeLong(t.executeAtTick)
          .writeLong(t.endedBy)
          .writeString(t.refusal);
    }
  }

  /** Reads back what {@link #writeCanonical} wrote (a snapshot's body). */
  public static RepresentativeState readCanonical(CanonicalReader r) {
    RepresentativeState s = new RepresentativeState();
    int persons = r.readCount();
    for (int i = 0; i < persons; i++) {
      Person p = new Person(r.readLong(), r.readString(), r.readBoolean(), r.readLong());
      s.persons.put(p.id(), p);
    }
    int people = r.readCount();
    for (int i = 0; i < people; i++) {
      long person = r.readLong();
      int n = r.readCount();
      for (int j = 0; j < n; j++) {
        s.setRights(person, r.readLong(), r.readInt());
      }
    }
    int codes = r.readCount();
    for (int i = 0; i < codes; i++) {
      Code c =
          new Code(
              r.readLong(),
              r.readLong(),
              r.readLong(),
              r.readString(),
              r.readLong(),
              r.readLong(),
              r.readLong());
      c.tokenId = r.readLong();
      s.addCode(c);
    }
    int tokens = r.readCount();
    for (int i = 0; i < tokens; i++) {
      Token t =
          new Token(
              r.readLong(),
              r.readLong(),
              r.readLong(),
              r.readLong(),
              r.readString(),
              r.readLong(),
              r.readLong());
      t.revoked = r.readBoolean();
      t.revokedTick = r.readLong();
      t.revokedBy = r.readLong();
      s.addToken(t);
    }
    readTransactions(r, s);
    int lists = r.readCount();
    for (int i = 0; i < lists; i++) {
      TreeMap<Long, Long> list = new TreeMap<>();
      long account = r.readLong();
      r.readLongs(list);
      s.trusted.put(account, list);
    }
    s.signIns.read(r);
    return s;
  }

  private static void readTransactions(CanonicalReader r, RepresentativeState s) {
    int n = r.readCount();
    Status[] statuses = Status.values();
    for (int i = 0; i < n; i++) {
      Transaction t =
          new Transaction(
              r.readLong(),
              r.readLong(),
              r.readLong(),
              CODEC.decode(r.readBytes()),
              r.readLong(),
              r.readLong(),
              r.readBoolean());
      int status = r.readInt();
      if (status < 0 || status >= statuses.length) {
        throw new IllegalArgumentException("snapshot: transaction status " + status);
      }
      t.status = statuses[status];
      t.approverId = r.readLong();
      t.executeAtTick = r.readLong();
      t.endedBy = r.readLong();
      t.refusal = r.readString();
      s.addTransaction(t);
    }
  }

  // ------------------------------------------------------------ invariants

  @Override
  public void checkInvariants(EngineState state) {
    TreeMap<Long, Integer> recount = new TreeMap<>();
    for (Map.Entry<Long, TreeMap<Long, Integer>> e : rights.entrySet()) {
      if (!persons.containsKey(e.getKey()) || e.getValue().isEmpty()) {
        throw new AssertionError("person " + e.getKey() + " has rights but is unknown or has none");
      }
      for (Map.Entry<Long, Integer> r : e.getValue().entrySet()) {
        long a = r.getKey();
        if (a != 0 && !state.registry().exists(a) || r.getValue() < 1 || r.getValue() > 3) {
          throw new AssertionError("person " + e.getKey() + " has bad rights on account " + a);
        }
        recount.merge(a, 1, Integer::sum);
      }
    }
    if (!recount.equals(counts)) {
      throw new AssertionError("the representative counts do not match the rights");
    }
    if (codeByHash.size() != codes.size() || tokenByHash.size() != tokens.size()) {
      throw new AssertionError("the person credential hash indexes do not match");
    }
    for (Code c : codes.values()) {
      Token t = c.tokenId == 0 ? null : tokens.get(c.tokenId);
      if (c.tokenId != 0 && (t == null || t.personId != c.personId || t.accountId != c.accountId)) {
        throw new AssertionError("person enrolment code " + c.id + " names a wrong token");
      }
    }
    TreeSet<Long> reopen = new TreeSet<>();
    for (Transaction t : transactions.values()) {
      if (t.isOpen()) {
        reopen.add(t.id);
      }
    }
    if (!reopen.equals(open)) {
      throw new AssertionError("the open transactions do not match their statuses");
    }
    signIns.check(persons);
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    summary.put("persons", (long) persons.size());
    summary.put("transactionsOpen", (long) open.size());
  }
}
