package org.computecap.engine.command;

import java.util.regex.Pattern;

/**
 * Shape checks of the sign-in commands (issue 16): the encoded password hash the server computed, a
 * TOTP secret, an OpenID Connect subject. The engine keeps them; the server checks passwords and
 * codes against them (the engine has no clock and no randomness).
 */
final class SignInFields {
  /** An Argon2id hash in the PHC string format, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$...}. */
  private static final Pattern ARGON2ID =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=[0-9]{1,8},t=[0-9]{1,3},p=[0-9]{1,3}\\$[A-Za-z0-9+/]{11,88}\\$[A-Za-z0-9+/]{22,88}");

  /** RFC 4648 base32 without padding, 80 to 512 bits (16 to 103 characters). */
  private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]{16,103}");

  /** An OpenID Connect {@code sub}: printable ASCII, 1 to 255 characters (OIDC Core 2). */
  private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7e]{1,255}");

  private SignInFields() {}

  static void passwordHash(String field, String value) {
    if (value == null || !ARGON2ID.matcher(value).matches()) {
      throw new InvalidFieldException(
          field,
          field
              + " must be an Argon2id hash in the PHC format ($argon2id$v=19$m=..,t=..,p=..$salt$hash)");
    }
  }

  static void totpSecret(String field, String value) {
    if (value == null || !BASE32.matcher(value).matches()) {
      throw new InvalidFieldException(
          field, field + " must be 16 to 103 base32 characters (A-Z, 2-7, no padding)");
    }
  }

  static void subject(String field, String value) {
    if (value == null || !SUBJECT.matcher(value).matches()) {
      throw new InvalidFieldException(
          field, field + " must be 1 to 255 printable ASCII characters without spaces");
    }
  }

  /** Who set it: a person's id, or 0 for the market regulator (the operator's own token). */
  static void setter(String field, long value) {
    if (value < 0) {
      throw new InvalidFieldException(
          field, field + " must be >= 0 (0: the market regulator, else a person), got " + value);
    }
  }
}
