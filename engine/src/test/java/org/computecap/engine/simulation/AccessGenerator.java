package org.computecap.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.computecap.engine.Rejection;
import org.computecap.engine.Result;
import org.computecap.engine.access.AccessState;
import org.computecap.engine.command.AccessCommand;
import org.computecap.engine.command.AppointInsurer;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CompleteEnrolment;
import org.computecap.engine.command.IssueEnrolmentCode;
import org.computecap.engine.command.IssueToken;
import org.computecap.engine.command.RevokeToken;
import org.computecap.engine.command.Role;
import org.computecap.engine.registry.Registry;

/**
 * Random access commands (enrolment codes issued and used, tokens issued and revoked, insurers
 * appointed) by random principals, some of them not allowed to act, with hashes that are fresh or
 * reused and expiries around the current tick. A naive model of the same rules predicts each
 * outcome from the command's tick; the checkpoints compare the model's tokens and insurers with the
 * engine's. Access never moves permits or cash, so the registry's reference is untouched.
 */
final class AccessGenerator implements Simulation.Generator {
  private record ModelToken(long account, long expiresTick, boolean revoked) {}

  private record ModelCode(long id, long account, long expiresTick, boolean used) {}

  private final List<ModelToken> tokens = new ArrayList<>();
  private final Map<String, ModelCode> codes = new HashMap<>();
  private final List<String> codeHashes = new ArrayList<>();
  private final Set<String> usedHashes = new HashSet<>();
  private final List<String> hashes = new ArrayList<>();
  private final TreeMap<Long, Long> insurers = new TreeMap<>();

  AccessGenerator(Simulation sim) {}

  @Override
  public int weight() {
    return 5;
  }

  @Override
  public Command next(Simulation sim) {
    long account = 1 + sim.rnd.nextInt(sim.accountIdMax);
    long principal = sim.rnd.nextInt(4) == 0 ? 0 : 1 + sim.rnd.nextInt(sim.accountIdMax);
    long expires = Math.max(1, sim.engine.state().lastTick() - 2 + sim.rnd.nextInt(60));
    switch (sim.rnd.nextInt(5)) {
      case 0:
        return new IssueEnrolmentCode(account, hash(sim), principal, expires);
      case 1:
        String code =
            codeHashes.isEmpty() || sim.rnd.nextInt(8) == 0
                ? hash(sim)
                : codeHashes.get(sim.rnd.nextInt(codeHashes.size()));
        return new CompleteEnrolment(code, hash(sim), expires);
      case 2:
        long holder = sim.rnd.nextInt(6) == 0 ? 0 : account;
        return new IssueToken(
            holder, hash(sim), sim.rnd.nextInt(5) == 0 ? principal : holder, expires);
      case 3:
        return new RevokeToken(1 + sim.rnd.nextInt(tokens.size() + 2), principal);
      default:
        long insurer = 1 + sim.rnd.nextInt(sim.accountIdMax);
        return new AppointInsurer(account, insurer, sim.rnd.nextBoolean() ? account : principal);
    }
  }

  /** A fresh random hash, or (one time in ten) one already used. */
  private String hash(Simulation sim) {
    if (!hashes.isEmpty() && sim.rnd.nextInt(10) == 0) {
      return hashes.get(sim.rnd.nextInt(hashes.size()));
    }
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < 4; i++) {
      sb.append(String.format("%016x", sim.rnd.nextLong()));
    }
    hashes.add(sb.toString());
    return sb.toString();
  }

  @Override
  public void observe(Simulation sim, Command command, Result result) {
    if (!(command instanceof AccessCommand c)) {
      return;
    }
    long tick = sim.engine.state().lastTick();
    Rejection expected = expect(sim.engine.state().registry(), tick, c);
    Rejection actual = result.isAccepted() ? null : result.rejection();
    if (expected != actual) {
      throw new AssertionError(
          command + " at tick " + tick + ": expected " + expected + ", got " + actual);
    }
    if (actual == null) {
      record(tick, c);
    }
  }

  private Rejection expect(Registry r, long tick, AccessCommand command) {
    if (command instanceof IssueEnrolmentCode c) {
      return !regulator(r, c.issuedBy())
          ? Rejection.ISSUER_NOT_REGULATOR
          : !r.exists(c.accountId())
              ? Rejection.UNKNOWN_ACCOUNT
              : usedHashes.contains(c.codeHash())
                  ? Rejection.CREDENTIAL_HASH_ALREADY_USED
                  : c.expiresTick() <= tick ? Rejection.EXPIRY_NOT_IN_FUTURE : null;
    } else if (command instanceof CompleteEnrolment c) {
      ModelCode code = codes.get(c.codeHash());
      return code == null
          ? Rejection.UNKNOWN_ENROLMENT_CODE
          : code.used()
              ? Rejection.ENROLMENT_CODE_ALREADY_USED
              : tick >= code.expiresTick()
                  ? Rejection.ENROLMENT_CODE_EXPIRED
                  : usedHashes.contains(c.tokenHash())
                      ? Rejection.CREDENTIAL_HASH_ALREADY_USED
                      : c.expiresTick() <= tick ? Rejection.EXPIRY_NOT_IN_FUTURE : null;
    } else if (command instanceof IssueToken c) {
      return c.issuedBy() != c.accountId()
          ? Rejection.TOKEN_ISSUER_NOT_HOLDER
          : c.accountId() != 0 && !r.exists(c.accountId())
              ? Rejection.UNKNOWN_ACCOUNT
              : usedHashes.contains(c.tokenHash())
                  ? Rejection.CREDENTIAL_HASH_ALREADY_USED
                  : c.expiresTick() <= tick ? Rejection.EXPIRY_NOT_IN_FUTURE : null;
    } else if (command instanceof RevokeToken c) {
      ModelToken t = c.tokenId() <= tokens.size() ? tokens.get((int) c.tokenId() - 1) : null;
      return t == null
          ? Rejection.UNKNOWN_TOKEN
          : c.revokedBy() != t.account() && !regulator(r, c.revokedBy())
              ? Rejection.REVOKER_NOT_HOLDER_OR_REGULATOR
              : t.revoked() ? Rejection.TOKEN_ALREADY_REVOKED : null;
    }
    AppointInsurer c = (AppointInsurer) command;
    return c.appointedBy() != c.accountId() && !regulator(r, c.appointedBy())
        ? Rejection.APPOINTER_NOT_PARTICIPANT_OR_REGULATOR
        : !r.exists(c.accountId())
            ? Rejection.UNKNOWN_ACCOUNT
            : r.role(c.accountId()) != Role.PARTICIPANT
                ? Rejection.ROLE_NOT_PERMITTED
                : !r.exists(c.insurerId())
                    ? Rejection.UNKNOWN_ACCOUNT
                    : r.role(c.insurerId()) != Role.INSURER ? Rejection.NOT_AN_INSURER : null;
  }

  private void record(long tick, AccessCommand command) {
    if (command instanceof IssueEnrolmentCode c) {
      codes.put(
          c.codeHash(), new ModelCode(codes.size() + 1, c.accountId(), c.expiresTick(), false));
      codeHashes.add(c.codeHash());
      usedHashes.add(c.codeHash());
    } else if (command instanceof CompleteEnrolment c) {
      ModelCode code = codes.get(c.codeHash());
      codes.put(c.codeHash(), new ModelCode(code.id(), code.account(), code.expiresTick(), true));
      tokens.add(new ModelToken(code.account(), c.expiresTick(), false));
      usedHashes.add(c.tokenHash());
    } else if (command instanceof IssueToken c) {
      tokens.add(new ModelToken(c.accountId(), c.expiresTick(), false));
      usedHashes.add(c.tokenHash());
    } else if (command instanceof RevokeToken c) {
      ModelToken t = tokens.get((int) c.tokenId() - 1);
      tokens.set((int) c.tokenId() - 1, new ModelToken(t.account(), t.expiresTick(), true));
    } else if (command instanceof AppointInsurer c) {
      insurers.put(c.accountId(), c.insurerId());
    }
  }

  private static boolean regulator(Registry r, long principal) {
    return principal == 0 || r.exists(principal) && r.role(principal) == Role.REGULATOR;
  }

  @Override
  public void checkpoint(Simulation sim) {
    AccessState s = sim.engine.state().featureOrNull(AccessState.class);
    long tick = sim.engine.state().lastTick();
    for (int i = 0; i < tokens.size(); i++) {
      ModelToken t = tokens.get(i);
      boolean active = !t.revoked() && tick < t.expiresTick();
      if (s == null || s.tokenActive(i + 1, tick) != active) {
        throw new AssertionError("token " + (i + 1) + " should be active: " + active);
      }
    }
    if (s != null && s.tokenActive(tokens.size() + 1, Long.MIN_VALUE)) {
      throw new AssertionError("the engine has more tokens than the model's " + tokens.size());
    }
    for (long a = 1; a <= sim.accountIdMax; a++) {
      long expected = insurers.getOrDefault(a, 0L);
      if ((s == null ? 0 : s.insurerOf(a)) != expected) {
        throw new AssertionError("account " + a + " should be insured by " + expected);
      }
    }
  }
}
