package org.computecap.engine.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.computecap.engine.EngineState;
import org.computecap.engine.registry.SystemAccount;
import org.computecap.engine.serial.SerialBook;
import org.computecap.engine.serial.SerialMove;
import org.computecap.engine.serial.SerialRange;

/**
 * Serial numbers' words (issue 15): expectations only, since every movement of permits moves
 * serials by itself. {@code expect serials acct=1 vintage=2026 ranges=1-30,41-50} checks the ranges
 * an account holds ({@code ranges=none} for none); {@code expect serial-holder vintage=2026
 * serial=31 acct=2} checks who holds one serial ({@code acct=none} for a serial never issued);
 * {@code expect serial-trail acct=3 vintage=1 moves=1>3:1-30,2>3:101-110} checks an account's audit
 * trail in one vintage, every range it sent or received in order ({@code issuance>1:1-100} for an
 * issue; system accounts by name).
 */
final class SerialVerbs implements ScriptVerbs {
  @Override
  public Map<String, CommandVerb> commands() {
    return Map.of();
  }

  @Override
  public Map<String, ExpectVerb> expectations() {
    Map<String, ExpectVerb> m = new LinkedHashMap<>();
    m.put("serials", SerialVerbs::serials);
    m.put("serial-holder", SerialVerbs::holder);
    m.put("serial-trail", SerialVerbs::trail);
    return m;
  }

  private static SerialBook book(EngineState s) {
    SerialBook book = s.serials();
    if (book == null) {
      throw new IllegalStateException("this engine does not track serial numbers");
    }
    return book;
  }

  private static String serials(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    int vintage = a.intValue("vintage");
    String expected = a.string("ranges");
    String actual = format(book(s).ranges(acct, vintage));
    return actual.equals(expected)
        ? null
        : "serials of account "
            + acct
            + " vintage "
            + vintage
            + " are "
            + actual
            + ", expected "
            + expected;
  }

  private static String holder(EngineState s, ScriptArgs a) {
    int vintage = a.intValue("vintage");
    long serial = a.longValue("serial");
    long expected = a.string("acct").equals("none") ? 0L : a.account("acct");
    long actual = book(s).holder(vintage, serial);
    return actual == expected
        ? null
        : "serial "
            + serial
            + " of vintage "
            + vintage
            + " is held by "
            + name(actual)
            + ", expected "
            + name(expected);
  }

  private static String trail(EngineState s, ScriptArgs a) {
    long acct = a.account("acct");
    int vintage = a.intValue("vintage");
    String expected = a.string("moves");
    StringBuilder b = new StringBuilder();
    for (SerialMove m : book(s).history(acct, 0, Integer.MAX_VALUE)) {
      if (m.vintage() == vintage) {
        b.append(b.length() == 0 ? "" : ",")
            .append(name(m.fromAccountId()))
            .append('>')
            .append(name(m.toAccountId()))
            .append(':')
            .append(m.first())
            .append('-')
            .append(m.last());
      }
    }
    String actual = b.length() == 0 ? "none" : b.toString();
    return actual.equals(expected)
        ? null
        : "serial trail of account "
            + acct
            + " vintage "
            + vintage
            + " is "
            + actual
            + ", expected "
            + expected;
  }

  private static String name(long id) {
    if (id == 0) {
      return "none";
    }
    return id < 0 ? SystemAccount.byId(id).accountName() : Long.toString(id);
  }

  /** Ranges as a script writes them: {@code 1-30,41-50}, a single serial as {@code 7-7}. */
  static String format(List<SerialRange> ranges) {
    if (ranges.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (SerialRange r : ranges) {
      b.append(b.length() == 0 ? "" : ",").append(r.first()).append('-').append(r.last());
    }
    return b.toString();
  }
}
