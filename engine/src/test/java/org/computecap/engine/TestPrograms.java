package org.computecap.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the rules feature's program loader, in test code only: it reads just the
 * numbers core needs from {@code key: value} lines and ignores every other line, so a real
 * program file also parses here. Keys: {@code firstPeriod}, {@code cap} (the first period's cap),
 * {@code capReductionPerPeriod} (subtracted each later period, floored at 0) or {@code caps}
 * (a comma-separated list, the last repeating), and {@code banking} (true/false).
 */
public final class TestPrograms {
  private TestPrograms() {
  }

  /** The test parser. */
  public static final ProgramParser PARSER = TestPrograms::parse;

  /** A program text for the given numbers, parseable by {@link #PARSER}. */
  public static String yaml(int firstPeriod, long cap, boolean banking) {
    return "firstPeriod: " + firstPeriod + "\ncap: " + cap + "\nbanking: " + banking + "\n";
  }

  /** A fresh engine already opened under {@code yaml(firstPeriod, cap, banking)}. */
  public static Engine openEngine(int firstPeriod, long cap, boolean banking) {
    Engine engine = new Engine(PARSER);
    Result r = engine.apply(0, new org.computecap.engine.command.OpenMarket(
        yaml(firstPeriod, cap, banking), 42));
    if (!r.isAccepted()) {
      throw new AssertionError("open failed: " + r);
    }
    return engine;
  }

  static ProgramRules parse(String text) {
    Integer first = null;
    List<Long> caps = new ArrayList<>();
    long reduction = 0;
    boolean banking = true;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      int colon = line.indexOf(':');
      if (colon < 0 || line.startsWith("#")) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "firstPeriod" -> first = Integer.parseInt(value);
        case "cap" -> caps = List.of(Long.parseLong(value));
        case "caps" -> {
          caps = new ArrayList<>();
          for (String c : value.split(",")) {
            caps.add(Long.parseLong(c.strip()));
          }
        }
        case "capReductionPerPeriod" -> reduction = Long.parseLong(value);
        case "banking" -> banking = Boolean.parseBoolean(value);
        default -> {
        }
      }
    }
    if (first == null || caps.isEmpty()) {
      throw new IllegalArgumentException("program needs firstPeriod and cap");
    }
    return new Rules(first, List.copyOf(caps), reduction, banking);
  }

  private record Rules(int firstPeriod, List<Long> caps, long reduction, boolean banking)
      implements ProgramRules {
    @Override
    public long capPermits(int period) {
      int k = period - firstPeriod;
      if (k < 0) {
        throw new IllegalArgumentException("period must be >= " + firstPeriod);
      }
      if (caps.size() == 1) {
        return Math.max(0, caps.get(0) - reduction * k);
      }
      return caps.get(Math.min(k, caps.size() - 1));
    }

    @Override
    public boolean bankingEnabled() {
      return banking;
    }
  }
}
