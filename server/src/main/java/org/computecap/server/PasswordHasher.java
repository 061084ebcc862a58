package org.computecap.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Persons' passwords (issue 16), hashed with Argon2id (Bouncy Castle) and a random 16-byte salt
 * into the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (the OWASP minimum:
 * 19 MiB, 2 passes, 1 lane). The engine only keeps the string a command carried; the check is here,
 * with the parameters the string names, so stronger parameters later still verify old hashes.
 */
final class PasswordHasher {
  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  /** The shortest password accepted (NIST SP 800-63B asks for at least 8). */
  static final int MIN_LENGTH = 10;

  /** The longest: a bound on the work one request may cause. */
  static final int MAX_LENGTH = 256;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=([0-9]{1,8}),t=([0-9]{1,3}),p=([0-9]{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** Refuses a password the server will not hash: 400 naming {@code field}. */
  static void checkAcceptable(String field, String password) {
    int n = password.codePointCount(0, password.length());
    if (n < MIN_LENGTH || n > MAX_LENGTH) {
      throw ApiException.badRequest(
          field,
          field + " must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long, got " + n);
    }
  }

  /** A new hash of {@code password} with a fresh random salt. */
  static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] h = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(h);
  }

  /** Whether {@code password} matches {@code encoded}; false for an empty or malformed hash. */
  static boolean verify(String password, String encoded) {
    Matcher m = encoded == null ? null : PHC.matcher(encoded);
    if (m == null || !m.matches()) {
      return false;
    }
    int memory = Integer.parseInt(m.group(1));
    int iterations = Integer.parseInt(m.group(2));
    int lanes = Integer.parseInt(m.group(3));
    byte[] salt = B64D.decode(m.group(4));
    byte[] expected = B64D.decode(m.group(5));
    if (memory > 1 << 21 || iterations < 1 || lanes < 1 || expected.length < 16) {
      return false;
    }
    byte[] actual = derive(password, salt, memory, iterations, lanes, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters p =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(p);
    byte[] out = new byte[length];
    g.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
