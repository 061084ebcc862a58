package org.computecap.engine.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * The program's exchange settings (§6): tick size in cents, lot size in permits, self-trade
 * prevention (on unless the program turns it off) and whether each vintage has its own book.
 *
 * <p>They are read from the {@code exchange} section of the program text that {@code OpenMarket}
 * journaled, with the same keys, ranges and defaults as the rules feature's program loader ({@code
 * tickCents}, {@code lotPermits}: 1..10^9, default 1; {@code selfTradePrevention}: default true;
 * {@code books}: {@code PER_VINTAGE} (default) or {@code SINGLE}). Reading the text rather than the
 * loader's class keeps the exchange independent of which program parser the engine was built with;
 * the loader has already refused a bad section when the market opened.
 */
public record ExchangeSettings(
    long tickCents, long lotPermits, boolean selfTradePrevention, boolean bookPerVintage) {
  static final long MAX = 1_000_000_000L;
  public static final ExchangeSettings DEFAULT = new ExchangeSettings(1, 1, true, true);

  public ExchangeSettings {
    if (tickCents < 1 || tickCents > MAX) {
      throw new IllegalArgumentException(
          "exchange.tickCents must be in [1, " + MAX + "], got " + tickCents);
    }
    if (lotPermits < 1 || lotPermits > MAX) {
      throw new IllegalArgumentException(
          "exchange.lotPermits must be in [1, " + MAX + "], got " + lotPermits);
    }
  }

  /** The settings in a program's text, defaults for whatever it leaves out. */
  public static ExchangeSettings fromProgram(String programYaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(programYaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("program is not valid YAML: " + e.getMessage(), e);
    }
    JsonNode section = root == null ? null : root.get("exchange");
    if (section == null || section.isNull()) {
      return DEFAULT;
    }
    if (!section.isObject()) {
      throw new IllegalArgumentException("exchange must be a mapping");
    }
    return new ExchangeSettings(
        whole(section, "tickCents"),
        whole(section, "lotPermits"),
        bool(section, "selfTradePrevention"),
        books(section));
  }

  private static long whole(JsonNode section, String key) {
    JsonNode n = section.get(key);
    if (n == null || n.isNull()) {
      return 1;
    }
    if (!n.canConvertToLong() || !n.isIntegralNumber()) {
      throw new IllegalArgumentException(
          "exchange." + key + " must be a whole number in [1, " + MAX + "], got " + n.asText());
    }
    return n.asLong();
  }

  private static boolean bool(JsonNode section, String key) {
    JsonNode n = section.get(key);
    if (n == null || n.isNull()) {
      return true;
    }
    if (!n.isBoolean()) {
      throw new IllegalArgumentException(
          "exchange." + key + " must be true or false, got " + n.asText());
    }
    return n.asBoolean();
  }

  private static boolean books(JsonNode section) {
    JsonNode n = section.get("books");
    if (n == null || n.isNull()) {
      return true;
    }
    return switch (n.asText()) {
      case "PER_VINTAGE" -> true;
      case "SINGLE" -> false;
      default ->
          throw new IllegalArgumentException(
              "exchange.books must be PER_VINTAGE or SINGLE, got " + n.asText());
    };
  }
}
