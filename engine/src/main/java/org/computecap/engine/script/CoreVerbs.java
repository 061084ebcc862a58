package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.EngineState;
import org.computecap.engine.command.CancelPermits;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssueLinkedUnits;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SurrenderPermits;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.computecap.engine.registry.Registry;

/**
 * Core's words: the market and registry commands, and expectations on the ledger. The syntax of
 * each is in {@code docs/scripts.md}; accounts may be named by number or, for system accounts, by
 * name ({@code treasury}, {@code retirement}, ...).
 */
final class CoreVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    Map<String, CommandVerb> m = new LinkedHashMap<>();
    m.put("open-market", a -> new OpenMarket(a.fileText("program"), a.longValue("seed")));
    m.put(
        "open-account",
        a -> new OpenAccount(a.longValue("id"), a.string("name"), a.enumValue("role", Role.class)));
    m.put("deposit", a -> new DepositCash(a.account("acct"), a.longValue("cents")));
    m.put("withdraw", a -> new WithdrawCash(a.account("acct"), a.longValue("cents")));
    m.put(
        "issue",
        a -> new IssuePermits(a.account("acct"), a.intValue("vintage"), a.longValue("qty")));
    m.put(
        "transfer",
        a ->
            new TransferPermits(
                a.account("from"), a.account("to"), a.intValue("vintage"), a.longValue("qty")));
    m.put(
        "surrender",
        a -> new SurrenderPermits(a.account("acct"), a.intValue("period"), a.longValue("qty")));
    m.put(
        "cancel",
        a -> new CancelPermits(a.account("acct"), a.intValue("vintage"), a.longValue("qty")));
    m.put(
        "issue-linked",
        a -> new IssueLinkedUnits(a.account("acct"), a.intValue("vintage"), a.longValue("origin")));
    return m;
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("cash", CoreVerbs::cash);
    m.put("permits", CoreVerbs::permits);
    m.put(
        "surrendered",
        (s, a) ->
            differs(
                "surrendered",
                a.longValue("qty"),
                s.registry().surrendered(a.account("acct"), a.intValue("period"))));
    m.put("issued", CoreVerbs::issued);
    m.put(
        "linked",
        (s, a) ->
            differs(
                "linked units of " + a.intValue("vintage"),
                a.longValue("qty"),
                s.registry().linkedIssued(a.intValue("vintage"))));
    m.put("totals", CoreVerbs::totals);
    m.put("account", CoreVerbs::account);
    m.put("period", (s, a) -> differs("current period", a.longValue("current"), s.currentPeriod()));
    m.put(
        "state-hash",
        (s, a) -> {
          String actual = CanonicalWriter.hex(s.stateHash());
          String expected = a.string("hex");
          return actual.equals(expected)
              ? null
              : "state hash is " + actual + ", expected " + expected;
        });
    return m;
  }

  private static String cash(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    Registry r = s.registry();
    String d = a.has("free") ? differs("free cash", a.longValue("free"), r.freeCash(acct)) : null;
    if (d == null && a.has("reserved")) {
      d = differs("reserved cash", a.longValue("reserved"), r.reservedCash(acct));
    }
    return d;
  }

  private static String permits(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    Registry r = s.registry();
    if (!a.has("vintage")) {
      return differs("free permits (all vintages)", a.longValue("free"), r.freePermitsTotal(acct));
    }
    int vintage = a.intValue("vintage");
    String d =
        a.has("free")
            ? differs(
                "free permits of " + vintage, a.longValue("free"), r.freePermits(acct, vintage))
            : null;
    if (d == null && a.has("reserved")) {
      d =
          differs(
              "reserved permits of " + vintage,
              a.longValue("reserved"),
              r.reservedPermits(acct, vintage));
    }
    return d;
  }

  private static String issued(EngineState s, ScriptArgs a) {
    Registry r = s.registry();
    if (a.has("vintage")) {
      int vintage = a.intValue("vintage");
      return differs("issued of " + vintage, a.longValue("qty"), r.issued(vintage));
    }
    return differs("issued", a.longValue("qty"), r.issuedTotal());
  }

  private static String totals(EngineState s, ScriptArgs a) {
    Registry r = s.registry();
    long[][] pairs = {
      {a.longValue("issued", Long.MIN_VALUE), r.issuedTotal()},
      {a.longValue("held", Long.MIN_VALUE), r.heldTotal()},
      {a.longValue("reserved", Long.MIN_VALUE), r.reservedTotal()},
      {a.longValue("surrendered", Long.MIN_VALUE), r.surrenderedTotal()},
      {a.longValue("cancelled", Long.MIN_VALUE), r.cancelledTotal()},
      {a.longValue("expired", Long.MIN_VALUE), r.expiredTotal()},
      {a.longValue("deposited", Long.MIN_VALUE), r.cashDeposited()},
      {a.longValue("withdrawn", Long.MIN_VALUE), r.cashWithdrawn()},
      {a.longValue("cash", Long.MIN_VALUE), r.cashBalanceTotal()}
    };
    String[] names = {
      "issued",
      "held",
      "reserved",
      "surrendered",
      "cancelled",
      "expired",
      "deposited",
      "withdrawn",
      "cash"
    };
    for (int i = 0; i < pairs.length; i++) {
      if (pairs[i][0] != Long.MIN_VALUE && pairs[i][0] != pairs[i][1]) {
        return differs("total " + names[i], pairs[i][0], pairs[i][1]);
      }
    }
    return null;
  }

  private static String account(EngineState s, ScriptArgs a) {
    long id = a.account("id");
    Registry r = s.registry();
    if (a.has("exists") && !a.booleanValue("exists")) {
      return r.exists(id) ? "account " + id + " exists, expected none" : null;
    }
    if (!r.exists(id)) {
      return "account " + id + " does not exist";
    }
    if (a.has("role") && r.role(id) != a.enumValue("role", Role.class)) {
      return "account " + id + " has role " + r.role(id);
    }
    if (a.has("name") && !r.name(id).equals(a.string("name"))) {
      return "account " + id + " is named " + r.name(id);
    }
    return null;
  }

  /** Null when equal, else the sentence every expectation verb reports a difference with. */
  static String differs(String what, long expected, long actual) {
    return expected == actual ? null : what + " is " + actual + ", expected " + expected;
  }
}
