package org.computecap.server;

/**
 * What a route answers on success: one record, a list of records, a page of records, a stream of
 * server-sent events, or a text document of a media type (a CSV file, a printable HTML page);
 * {@link OpenApi} turns it into the response schema.
 */
record Reply(Kind kind, Class<?> type, String mediaType) {
  enum Kind {
    OBJECT,
    LIST,
    PAGE,
    EVENT_STREAM,
    TEXT
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

  /** A text document of {@code mediaType}, e.g. {@code text/csv}. */
  static Reply text(String mediaType) {
    return new Reply(Kind.TEXT, String.class, mediaType);
  }

  Reply(Kind kind, Class<?> type) {
    this(kind, type, "application/json");
  }
}
