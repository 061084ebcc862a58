package org.computecap.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The secrets the server hands out and how it knows them again: tokens ({@code cc_} and 32 random
 * bytes) and one-time enrolment codes ({@code ce_} and 32 random bytes), each shown once and known
 * afterwards only by its SHA-256, which is what the journal records. 256 random bits make a plain,
 * unsalted hash safe to publish; an operator's own token ({@code COMPUTECAP_REGULATOR_TOKEN}) must
 * therefore be about as unguessable, which {@link #requireStrong} checks.
 */
final class Credentials {
  /** The least estimated entropy of an operator-chosen token, in bits. */
  static final int MIN_ENTROPY_BITS = 128;

  static final int MIN_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Credentials() {}

  static String newToken() {
    return "cc_" + random();
  }

  static String newEnrolmentCode() {
    return "ce_" + random();
  }

  private static String random() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex digits. */
  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required by every JVM", e);
    }
  }

  /**
   * Refuses an operator-chosen token that could be guessed from its hash: at least {@value
   * #MIN_LENGTH} characters, and at least {@value #MIN_ENTROPY_BITS} bits by the estimate length
   * times the Shannon entropy of its characters (so {@code aaaa...} has none, and 32 random base64
   * characters about 150).
   */
  static void requireStrong(String name, String token) {
    if (token.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          name
              + " must have at least "
              + MIN_LENGTH
              + " characters, got "
              + token.length()
              + " (generate one with: openssl rand -base64 32)");
    }
    double bits = estimatedEntropyBits(token);
    if (bits < MIN_ENTROPY_BITS) {
      throw new IllegalArgumentException(
          String.format(
              "%s is too predictable: about %.0f bits of entropy, at least %d needed "
                  + "(generate one with: openssl rand -base64 32)",
              name, bits, MIN_ENTROPY_BITS));
    }
  }

  /** Length times the Shannon entropy of the character frequencies, in bits. */
  static double estimatedEntropyBits(String s) {
    Map<Character, Integer> counts = new HashMap<>();
    for (char c : s.toCharArray()) {
      counts.merge(c, 1, Integer::sum);
    }
    double perChar = 0;
    for (int n : counts.values()) {
      double p = (double) n / s.length();
      perChar -= p * Math.log(p) / Math.log(2);
    }
    return perChar * s.length();
  }
}
