package org.computecap.engine.command;

import java.util.regex.Pattern;

/**
 * What a regulator says about a meter when it registers one (issue 17): its Ed25519 public key (the
 * base64 of its X.509 encoding, in the one canonical form {@link MeterSignatures#publicKey} gives,
 * so one key has one spelling), a description of the device for people, its class and the
 * measurement uncertainty of that class in parts per million.
 */
public record MeterSpec(
    String publicKey, String description, String meterClass, long uncertaintyPpm) {
  /** The longest description kept. */
  public static final int MAX_DESCRIPTION_LENGTH = 200;

  private static final Pattern CLASS = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public MeterSpec {
    MeterSignatures.publicKey("publicKey", publicKey);
    if (description == null
        || description.isBlank()
        || description.length() > MAX_DESCRIPTION_LENGTH
        || description.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidFieldException(
          "description",
          "description must be 1 to "
              + MAX_DESCRIPTION_LENGTH
              + " characters, not blank and without control characters, got "
              + (description == null ? "nothing" : description.length() + " characters"));
    }
    if (meterClass == null || !CLASS.matcher(meterClass).matches()) {
      throw new InvalidFieldException(
          "meterClass",
          "meterClass must be 1 to 64 characters of letters, digits, '_', '.', '-', got "
              + meterClass);
    }
    if (uncertaintyPpm < 0 || uncertaintyPpm > 1_000_000) {
      throw new InvalidFieldException(
          "uncertaintyPpm", "uncertaintyPpm must be in [0, 1000000], got " + uncertaintyPpm);
    }
  }

  void write(CommandWriter out) {
    out.writeString(publicKey).writeString(description).writeString(meterClass);
    out.writeLong(uncertaintyPpm);
  }

  static MeterSpec read(CommandReader in) {
    return new MeterSpec(in.readString(), in.readString(), in.readString(), in.readLong());
  }
}
