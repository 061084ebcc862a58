package org.computecap.server;

/**
 * What a route answers on success: one record, a list of records, a page of records, or a stream of
 * server-sent events; {@link OpenApi} turns it into the response schema.
 */
record Reply(Kind kind, Class<?> type) {
  enum Kind {
    OBJECT,
    LIST,
    PAGE,
    EVENT_STREAM
  }

  static Reply of(Class<?> type) {
    return new Reply(Kind.OBJECT, type);
  }

  static Reply list(Class<?> type) {
    return new Reply(Kind.LIST, type);
  }

  static Reply page(Class<?> type) {
    return new Reply(Kind.PAGE, type);
  }

  static Reply eventStream() {
    return new Reply(Kind.EVENT_STREAM, String.class);
  }
}
