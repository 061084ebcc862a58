package org.computecap.engine.exchange;

import org.computecap.engine.TestPrograms;

/** Core's complete test program with its {@code exchange} section replaced. */
final class ExchangePrograms {
  private ExchangePrograms() {}

  /**
   * @param exchangeLines the section's lines, each indented by two spaces, e.g. {@code " tickCents:
   *     5\n"}; settings left out take their defaults
   */
  static String yaml(int firstPeriod, long cap, String exchangeLines) {
    return yaml(firstPeriod, cap, true, exchangeLines);
  }

  /** The same with banking on or off. */
  static String yaml(int firstPeriod, long cap, boolean banking, String exchangeLines) {
    String base = TestPrograms.yaml(firstPeriod, cap, banking);
    int at = base.indexOf("\nexchange:\n");
    if (at < 0) {
      throw new IllegalStateException("the test program has no exchange section");
    }
    return base.substring(0, at) + "\nexchange:\n" + exchangeLines;
  }
}
