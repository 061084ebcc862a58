package org.computecap.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.EngineState;
import org.computecap.engine.representatives.RepresentativeState;

/**
 * The read model's copy of the representatives (issue 15), made by the writer from the engine state
 * whenever a batch touched them (and on a full publication), and swapped in whole: persons' token
 * and code hashes (for sign-in and enrolment), who represents which account, the transactions still
 * waiting, the trusted lists, and persons' passwords, TOTP secrets and OpenID Connect subjects
 * (issue 16). Being derived from the engine state, a restart rebuilds it from the restored engine,
 * so the read model's image need not keep it.
 */
record Representation(
    Map<String, RepresentativeState.Credential> tokensByHash,
    Map<String, RepresentativeState.Credential> codesByHash,
    Map<Long, RepresentativeState.Credential> tokensById,
    Map<Long, List<RepresentativeState.Right>> rightsByAccount,
    Map<Long, RepresentativeState.Person> persons,
    TreeMap<Long, RepresentativeState.Waiting> open,
    Map<Long, List<RepresentativeState.TrustedEntry>> trusted,
    long nextDueTick,
    Map<Long, RepresentativeState.SignIn> signIns) {

  static final Representation EMPTY =
      new Representation(
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          new TreeMap<>(),
          Map.of(),
          Long.MAX_VALUE,
          Map.of());

  /** The representatives of {@code state}, or {@link #EMPTY} for a program without them. */
  static Representation of(EngineState state) {
    RepresentativeState s = state.isOpen() ? state.featureOrNull(RepresentativeState.class) : null;
    if (s == null) {
      return EMPTY;
    }
    Map<String, RepresentativeState.Credential> tokens = new HashMap<>();
    Map<Long, RepresentativeState.Credential> byId = new HashMap<>();
    for (RepresentativeState.Credential t : s.personTokens()) {
      tokens.put(t.hash(), t);
      byId.put(t.id(), t);
    }
    Map<String, RepresentativeState.Credential> codes = new HashMap<>();
    for (RepresentativeState.Credential c : s.personCodes()) {
      codes.put(c.hash(), c);
    }
    Map<Long, List<RepresentativeState.Right>> rights = new HashMap<>();
    for (RepresentativeState.Right r : s.rights()) {
      rights.computeIfAbsent(r.accountId(), a -> new ArrayList<>()).add(r);
    }
    Map<Long, RepresentativeState.Person> persons = new HashMap<>();
    for (RepresentativeState.Person p : s.persons()) {
      persons.put(p.id(), p);
    }
    TreeMap<Long, RepresentativeState.Waiting> open = new TreeMap<>();
    for (RepresentativeState.Waiting w : s.openTransactions()) {
      open.put(w.transactionId(), w);
    }
    Map<Long, List<RepresentativeState.TrustedEntry>> trusted = new HashMap<>();
    for (RepresentativeState.TrustedEntry t : s.trustedEntries()) {
      trusted.computeIfAbsent(t.accountId(), a -> new ArrayList<>()).add(t);
    }
    Map<Long, RepresentativeState.SignIn> signIns = new HashMap<>();
    for (RepresentativeState.SignIn x : s.signIns()) {
      signIns.put(x.personId(), x);
    }
    return new Representation(
        Map.copyOf(tokens),
        Map.copyOf(codes),
        Map.copyOf(byId),
        Map.copyOf(rights),
        Map.copyOf(persons),
        open,
        Map.copyOf(trusted),
        s.nextDueTick(),
        Map.copyOf(signIns));
  }

  /** The person linked to an OpenID Connect subject (issue 16), or 0. */
  long personOfSubject(String subject) {
    for (RepresentativeState.SignIn x : signIns.values()) {
      if (x.oidcSubject().equals(subject)) {
        return x.personId();
      }
    }
    return 0;
  }

  /** The accounts a person represents, by id, with their rights (issue 16). */
  List<RepresentativeState.Right> rightsOf(long personId) {
    List<RepresentativeState.Right> out = new ArrayList<>();
    for (List<RepresentativeState.Right> rs : rightsByAccount.values()) {
      for (RepresentativeState.Right r : rs) {
        if (r.personId() == personId) {
          out.add(r);
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(RepresentativeState.Right::accountId));
    return out;
  }

  /** Whether {@code personId} holds any right on {@code accountId}. */
  boolean represents(long personId, long accountId) {
    for (RepresentativeState.Right r : rightsByAccount.getOrDefault(accountId, List.of())) {
      if (r.personId() == personId) {
        return true;
      }
    }
    return false;
  }
}
