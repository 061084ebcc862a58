package org.computecap.engine.command;

/**
 * Shape limits of the rules' commands. Quantities (permits, reported or measured units, output) are
 * capped at 10^15 and prices at 10^12 cents, so every product the rules form ({@code alpha ·
 * quantity} with alpha <= 1000, {@code quantity · price}) fits in a {@code long} and no handler can
 * overflow after it has started to change the state.
 */
final class RulesFields {
  static final long MAX_QUANTITY = 1_000_000_000_000_000L;
  static final long MAX_PRICE_CENTS = 1_000_000_000_000L;

  private RulesFields() {}

  static void quantity(String field, long value, long min) {
    if (value < min || value > MAX_QUANTITY) {
      throw new InvalidFieldException(
          field, field + " must be within " + min + ".." + MAX_QUANTITY + ", got " + value);
    }
  }

  static void price(String field, long value) {
    if (value < 1 || value > MAX_PRICE_CENTS) {
      throw new InvalidFieldException(
          field, field + " must be within 1.." + MAX_PRICE_CENTS + ", got " + value);
    }
  }
}
