package org.computecap.engine.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.computecap.engine.CanonicalWriter;

/**
 * A signed record of the journal's head: "at {@code time}, entry {@code seq} was the last durable
 * one and had hash {@code head}", signed with the server's Ed25519 key. Checkpoints anchor the
 * chain from outside the journal (see {@link HeadAnchor}): a journal cut short, or rewritten at its
 * end, still verifies on its own but no longer reaches or matches a checkpoint taken before. The
 * signature lets an operator who copied a checkpoint elsewhere show that the server vouched for it.
 *
 * <p>One line of text each, for people and for {@code grep}:
 *
 * <pre>
 * v1 seq=42 head=HEX64 time=2026-05-01T12:00:00.123Z key=BASE64(X.509 public key) sig=BASE64
 * </pre>
 *
 * The signature covers {@code computecap-checkpoint v1 seq=42 head=HEX64 time=...}: the fields as
 * the line shows them, with the instant in {@link Instant#toString} form.
 */
public record Checkpoint(long seq, byte[] head, Instant time, byte[] publicKey, byte[] signature) {
  static final String ALGORITHM = "Ed25519";
  private static final String VERSION = "v1";

  public Checkpoint {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, got " + seq);
    }
    if (head.length != JournalEntry.HASH_BYTES) {
      throw new IllegalArgumentException("head must be " + JournalEntry.HASH_BYTES + " bytes");
    }
    head = head.clone();
    publicKey = publicKey.clone();
    signature = signature.clone();
  }

  /** Signs the head {@code head} at {@code seq} as of {@code time} with {@code key}. */
  public static Checkpoint sign(long seq, byte[] head, Instant time, KeyPair key) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key.getPrivate());
      s.update(message(seq, head, time));
      return new Checkpoint(seq, head, time, key.getPublic().getEncoded(), s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint with an " + ALGORITHM + " key", e);
    }
  }

  /** Whether the signature is the one {@link #publicKey} makes over the fields. */
  public boolean signatureValid() {
    try {
      PublicKey key =
          KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKey));
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(message(seq, head, time));
      return s.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] message(long seq, byte[] head, Instant time) {
    return ("computecap-checkpoint "
            + VERSION
            + " seq="
            + seq
            + " head="
            + CanonicalWriter.hex(head)
            + " time="
            + time)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The line this checkpoint is stored as (without the newline). */
  public String line() {
    Base64.Encoder b64 = Base64.getEncoder();
    return VERSION
        + " seq="
        + seq
        + " head="
        + CanonicalWriter.hex(head)
        + " time="
        + time
        + " key="
        + b64.encodeToString(publicKey)
        + " sig="
        + b64.encodeToString(signature);
  }

  /** Parses a line written by {@link #line}; a malformed one is refused naming the field. */
  public static Checkpoint parse(String line) {
    String[] parts = line.strip().split(" ");
    if (parts.length != 6 || !VERSION.equals(parts[0])) {
      throw new IllegalArgumentException(
          "a checkpoint line is 'v1 seq=.. head=.. time=.. key=.. sig=..', got "
              + parts.length
              + " fields"
              + (parts.length > 0 ? " starting '" + parts[0] + "'" : ""));
    }
    Map<String, String> f = new LinkedHashMap<>();
    String[] names = {"seq", "head", "time", "key", "sig"};
    for (int i = 0; i < names.length; i++) {
      String prefix = names[i] + "=";
      if (!parts[i + 1].startsWith(prefix)) {
        throw new IllegalArgumentException(
            "field " + (i + 2) + " of a checkpoint line must be " + prefix + "..");
      }
      f.put(names[i], parts[i + 1].substring(prefix.length()));
    }
    long seq;
    try {
      seq = Long.parseLong(f.get("seq"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seq must be a whole number, got '" + f.get("seq") + "'");
    }
    Instant time;
    try {
      time = Instant.parse(f.get("time"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "time must be an ISO-8601 instant such as 2026-05-01T12:00:00Z, got '"
              + f.get("time")
              + "'");
    }
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] key;
    byte[] sig;
    try {
      key = b64.decode(f.get("key"));
      sig = b64.decode(f.get("sig"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key and sig must be base64: " + e.getMessage());
    }
    return new Checkpoint(seq, HeadAnchor.unhex(f.get("head"), "head"), time, key, sig);
  }

  /** The first 16 hex digits of the SHA-256 of the public key, to compare keys at a glance. */
  public String keyFingerprint() {
    return fingerprint(publicKey);
  }

  /** The fingerprint of an encoded public key, as {@link #keyFingerprint} shows it. */
  public static String fingerprint(byte[] encodedPublicKey) {
    return CanonicalWriter.hex(JournalEntry.sha256().digest(encodedPublicKey)).substring(0, 16);
  }

  /** This checkpoint as an anchor for verification; {@code where} names the file it came from. */
  public HeadAnchor anchor(String where) {
    return new HeadAnchor(seq, head, "the checkpoint of " + time + " in " + where);
  }

  @Override
  public byte[] head() {
    return head.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && seq == c.seq
        && time.equals(c.time)
        && Arrays.equals(head, c.head)
        && Arrays.equals(publicKey, c.publicKey)
        && Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(head);
  }

  @Override
  public String toString() {
    return line();
  }
}
