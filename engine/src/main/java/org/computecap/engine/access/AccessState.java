package org.computecap.engine.access;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalReader;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.Role;

/**
 * Who may act for whom: every token and enrolment code ever issued (by id, with who issued it, when
 * it expires and whether it was revoked or used), and each participant's appointed insurer. Secrets
 * are known only by their SHA-256 hashes; a hash is used once, so a token's hash names one token
 * forever.
 *
 * <p>Invariants: the hash indexes hold exactly the tokens and codes; every token and code names an
 * open account (or the market regulator, 0, for tokens); a used code names the token it became,
 * issued for the same account; every appointed insurer has the role INSURER and insures a
 * participant.
 */
public final class AccessState implements FeatureState {
  static final String NAME = "access";

  /** A token as issued, and whether, when and by whom it was revoked. */
  static final class Token {
    final long id;
    final long accountId;
    final long issuedBy;
    final long enrolmentId;
    final String hash;
    final long issuedTick;
    final long expiresTick;
    boolean revoked;
    long revokedTick;
    long revokedBy;

    Token(TokenIssued e) {
      this(
          e.tokenId(),
          e.accountId(),
          e.issuedBy(),
          e.enrolmentId(),
          e.tokenHash(),
          e.issuedTick(),
          e.expiresTick());
    }

    Token(
        long id,
        long accountId,
        long issuedBy,
        long enrolmentId,
        String hash,
        long issuedTick,
        long expiresTick) {
      this.id = id;
      this.accountId = accountId;
      this.issuedBy = issuedBy;
      this.enrolmentId = enrolmentId;
      this.hash = hash;
      this.issuedTick = issuedTick;
      this.expiresTick = expiresTick;
    }

    boolean activeAt(long tick) {
      return !revoked && tick < expiresTick;
    }
  }

  /** An enrolment code as issued; {@code tokenId} is 0 until it is used (token ids start at 1). */
  static final class Enrolment {
    final long id;
    final long accountId;
    final String codeHash;
    final long issuedBy;
    final long issuedTick;
    final long expiresTick;
    long tokenId;

    Enrolment(long id, long accountId, String codeHash, long issuedBy, long issuedTick, long exp) {
      this.id = id;
      this.accountId = accountId;
      this.codeHash = codeHash;
      this.issuedBy = issuedBy;
      this.issuedTick = issuedTick;
      this.expiresTick = exp;
    }
  }

  final TreeMap<Long, Token> tokens = new TreeMap<>();
  final TreeMap<Long, Enrolment> enrolments = new TreeMap<>();

  /** Secret hash -> token or enrolment id; looked up, never iterated. */
  final Map<String, Long> tokenByHash = new HashMap<>();

  final Map<String, Long> enrolmentByHash = new HashMap<>();

  /** participant -> its appointed insurer. */
  final TreeMap<Long, Long> insurers = new TreeMap<>();

  @Override
  public String name() {
    return NAME;
  }

  /** The insurer appointed for {@code accountId}, or 0 when none is. */
  public long insurerOf(long accountId) {
    return insurers.getOrDefault(accountId, 0L);
  }

  /** Whether a code or a token already uses this hash. */
  public boolean hashUsed(String hash) {
    return tokenByHash.containsKey(hash) || enrolmentByHash.containsKey(hash);
  }

  /** Whether a token has this id. */
  public boolean tokenExists(long tokenId) {
    return tokens.containsKey(tokenId);
  }

  /** The account a token acts for (0: the market regulator); the token must exist. */
  public long tokenAccount(long tokenId) {
    return tokens.get(tokenId).accountId;
  }

  /** Whether token {@code tokenId} exists, is not revoked, and has not expired at {@code tick}. */
  public boolean tokenActive(long tokenId, long tick) {
    Token t = tokens.get(tokenId);
    return t != null && t.activeAt(tick);
  }

  @Override
  public void writeCanonical(CanonicalWriter w) {
    w.writeInt(tokens.size());
    for (Token t : tokens.values()) {
      w.writeLong(t.id)
          .writeLong(t.accountId)
          .writeLong(t.issuedBy)
          .writeLong(t.enrolmentId)
          .writeString(t.hash)
          .writeLong(t.issuedTick)
          .writeLong(t.expiresTick)
          .writeBoolean(t.revoked)
          .writeLong(t.revokedTick)
          .writeLong(t.revokedBy);
    }
    w.writeInt(enrolments.size());
    for (Enrolment e : enrolments.values()) {
      w.writeLong(e.id)
          .writeLong(e.accountId)
          .writeString(e.codeHash)
          .writeLong(e.issuedBy)
          .writeLong(e.issuedTick)
          .writeLong(e.expiresTick)
          .writeLong(e.tokenId);
    }
    w.writeInt(insurers.size());
    for (Map.Entry<Long, Long> e : insurers.entrySet()) {
      w.writeLong(e.getKey()).writeLong(e.getValue());
    }
  }

  /** Reads back what {@link #writeCanonical} wrote (a snapshot's body). */
  public static AccessState readCanonical(CanonicalReader r) {
    AccessState s = new AccessState();
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
      s.tokens.put(t.id, t);
      s.tokenByHash.put(t.hash, t.id);
    }
    int enrolments = r.readCount();
    for (int i = 0; i < enrolments; i++) {
      Enrolment e =
          new Enrolment(
              r.readLong(), r.readLong(), r.readString(), r.readLong(), r.readLong(), r.readLong());
      e.tokenId = r.readLong();
      s.enrolments.put(e.id, e);
      s.enrolmentByHash.put(e.codeHash, e.id);
    }
    int insurers = r.readCount();
    for (int i = 0; i < insurers; i++) {
      s.insurers.put(r.readLong(), r.readLong());
    }
    return s;
  }

  @Override
  public void checkInvariants(EngineState state) {
    if (tokenByHash.size() != tokens.size() || enrolmentByHash.size() != enrolments.size()) {
      throw new AssertionError("the access hash indexes do not match the tokens and codes");
    }
    for (Token t : tokens.values()) {
      if (!tokenByHash.get(t.hash).equals(t.id) || !holderExists(state, t.accountId)) {
        throw new AssertionError("token " + t.id + " is not indexed or names no account");
      }
    }
    for (Enrolment e : enrolments.values()) {
      Token t = e.tokenId == 0 ? null : tokens.get(e.tokenId);
      if (!enrolmentByHash.get(e.codeHash).equals(e.id)
          || !state.registry().exists(e.accountId)
          || e.tokenId != 0 && (t == null || t.accountId != e.accountId)) {
        throw new AssertionError("enrolment " + e.id + " is inconsistent");
      }
    }
    for (Map.Entry<Long, Long> e : insurers.entrySet()) {
      if (state.registry().role(e.getValue()) != Role.INSURER
          || state.registry().role(e.getKey()) != Role.PARTICIPANT) {
        throw new AssertionError(
            "account " + e.getValue() + " insures " + e.getKey() + " with the wrong roles");
      }
    }
  }

  private static boolean holderExists(EngineState state, long accountId) {
    return accountId == AccessCommand.MARKET_REGULATOR || state.registry().exists(accountId);
  }

  @Override
  public void describe(SortedMap<String, Long> summary) {
    long revoked = 0;
    for (Token t : tokens.values()) {
      revoked += t.revoked ? 1 : 0;
    }
    summary.put("tokensIssued", (long) tokens.size());
    summary.put("tokensRevoked", revoked);
  }
}
