package org.computecap.server;

/** What a command may ask of the writer thread while it is built there. */
interface WriterContext {
  /**
   * The id of the order being built: one above the last order the engine accepted. This is the one
   * place the server numbers orders; when the engine assigns order ids itself, it goes, and {@code
   * PlaceOrder} is built without one.
   */
  long nextOrderId();
}
