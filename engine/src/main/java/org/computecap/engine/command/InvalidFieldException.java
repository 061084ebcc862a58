package org.computecap.engine.command;

/**
 * A malformed command field: which field, and a message naming the allowed range and the value
 * received. It is an {@link IllegalArgumentException} like every shape error, so callers that only
 * care that input was malformed need nothing new; adapters that report the field (HTTP answers
 * {@code {"field": ...}}) read it from here instead of guessing it from the message.
 */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The name of the malformed field, as the command record names it. */
  public String field() {
    return field;
  }
}
