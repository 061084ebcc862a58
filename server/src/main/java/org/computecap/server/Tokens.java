package org.computecap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API tokens: 32 random bytes, given to their holder once and stored only as SHA-256 hashes, in a
 * file of the data directory ({@code tokens}, one "hash accountId" line each), rewritten atomically
 * (a temporary file, fsync, atomic rename), so a crash leaves either the old or the new set. Tokens
 * are not market state, so they are not journaled: revoking or reissuing one must not change the
 * market's history or its state hash.
 *
 * <p>Account id {@value #MARKET_REGULATOR} names the market's own regulator, the holder of the
 * first token, created on first start (or taken from {@code COMPUTECAP_REGULATOR_TOKEN}).
 */
final class Tokens {
  /** The principal of the first regulator token: the market's regulator, not an account. */
  static final long MARKET_REGULATOR = 0;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final Map<String, Long> accountByHash = new TreeMap<>();

  private Tokens(Path file) {
    this.file = file;
  }

  /** Loads the token hashes kept in {@code dataDir} (none when the file is absent). */
  static Tokens load(Path dataDir) {
    Tokens t = new Tokens(dataDir.resolve("tokens"));
    if (Files.exists(t.file)) {
      try {
        List<String> lines = Files.readAllLines(t.file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String[] parts = lines.get(i).trim().split(" ");
          if (parts.length != 2 || parts[0].length() != 64) {
            throw new IllegalStateException(
                t.file + " line " + (i + 1) + ": expected 'sha256hex accountId'");
          }
          t.accountByHash.put(parts[0], Long.parseLong(parts[1]));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + t.file, e);
      }
    }
    return t;
  }

  /** Whether any token names the market regulator. */
  synchronized boolean hasMarketRegulator() {
    return accountByHash.containsValue(MARKET_REGULATOR);
  }

  /** Issues a new token for {@code accountId}, persists its hash, and returns the token. */
  synchronized String issue(long accountId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = "cc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    accountByHash.put(hash(token), accountId);
    save();
    return token;
  }

  /** Accepts {@code token} for the market regulator without storing it (an operator's env). */
  synchronized void trustRegulatorToken(String token) {
    if (token.length() < 16) {
      throw new IllegalArgumentException(
          "COMPUTECAP_REGULATOR_TOKEN must have at least 16 "
              + "characters, got "
              + token.length());
    }
    accountByHash.put(hash(token), MARKET_REGULATOR);
  }

  /** The account the token was issued for, or null when it is not a token we issued. */
  synchronized Long accountOf(String token) {
    return token == null ? null : accountByHash.get(hash(token));
  }

  private void save() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Long> e : accountByHash.entrySet()) {
      sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      // With --journal-url nothing else creates the data directory before the first token.
      Files.createDirectories(file.getParent());
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try (var ch =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String hash(String token) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required by every JVM", e);
    }
  }
}
