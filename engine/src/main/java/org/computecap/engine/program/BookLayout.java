package org.computecap.engine.program;

/** Whether the exchange keeps one order book per vintage or one book for all vintages (§6). */
public enum BookLayout {
  PER_VINTAGE,
  SINGLE
}
