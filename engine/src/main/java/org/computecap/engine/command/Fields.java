package org.computecap.engine.command;

import java.util.regex.Pattern;

/**
 * Shape checks shared by the command records, so every malformed field gets the same kind of
 * message: the field's name, the allowed range and the value received.
 */
final class Fields {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Fields() {}

  /** Account ids chosen by callers are positive; the registry's system accounts are negative. */
  static void accountId(String field, long value) {
    if (value <= 0) {
      throw new InvalidFieldException(field, field + " must be >= 1, got " + value);
    }
  }

  /** An account id that may also name a system account (negative) but never 0. */
  static void anyAccountId(String field, long value) {
    if (value == 0) {
      throw new InvalidFieldException(field, field + " must not be 0");
    }
  }

  static void positive(String field, long value) {
    if (value <= 0) {
      throw new InvalidFieldException(field, field + " must be >= 1, got " + value);
    }
  }

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidFieldException(field, field + " must be >= 0, got " + value);
    }
  }

  static void period(String field, int value) {
    if (value < 0) {
      throw new InvalidFieldException(field, field + " must be >= 0, got " + value);
    }
  }

  static void name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidFieldException(
          field,
          field + " must be 1 to 64 characters of letters, digits, '_', '.', '-', got " + value);
    }
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidFieldException(field, field + " is required");
    }
    return value;
  }
}
