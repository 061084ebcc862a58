package org.computecap.engine.access;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.FeatureState;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.registry.Role;

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
      this.id = e.tokenId();
      this.accountId = e.accountId();
      this.issuedBy = e.issuedBy();
      this.enrolmentId = e.enrolmentId();
      this.hash = e.tokenHash();
      this.issuedTick = e.issuedTick();
      this.expiresTick = e.expiresTick();
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

  /** The engine's access state, or a detached empty one until the first accepted command. */
  static AccessState of(EngineState state) {
    AccessState s = state.featureOrNull(AccessState.class);
    return s == null ? new AccessState() : s;
  }

  /** Registers this state with the engine (no-op when it already is); call before mutating. */
  void attach(EngineState state) {
    state.feature(AccessState.class, () -> this);
  }

  /** The insurer appointed for {@code accountId}, or 0 when none is. */
  public long insurerOf(long accountId) {
    return insurers.getOrDefault(accountId, 0L);
  }

  /** Whether a code or a token already uses this hash. */
  boolean hashUsed(String hash) {
    return tokenByHash.containsKey(hash) || enrolmentByHash.containsKey(hash);
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
