package org.computecap.engine.command;

import java.util.regex.Pattern;

/** Shape checks of the access commands: secret hashes and the principals that act. */
final class AccessFields {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private AccessFields() {}

  /** A SHA-256 hash as 64 lowercase hex digits: the journal never holds the secret itself. */
  static void hash(String field, String value) {
    if (value == null || !SHA256_HEX.matcher(value).matches()) {
      throw new InvalidFieldException(
          field, field + " must be a SHA-256 hash as 64 lowercase hex digits, got " + value);
    }
  }

  /** Who acted: an account id, or 0 for the market's regulator. */
  static void principal(String field, long value) {
    if (value < 0) {
      throw new InvalidFieldException(
          field, field + " must be >= 0 (0: the market regulator), got " + value);
    }
  }

  static void expiry(String field, long value) {
    if (value < 1) {
      throw new InvalidFieldException(field, field + " must be >= 1, got " + value);
    }
  }
}
