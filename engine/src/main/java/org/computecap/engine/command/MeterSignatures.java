package org.computecap.engine.command;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over meter readings (issue 17), with the JDK's own implementation: signing and
 * verifying are pure functions of their bytes (Ed25519 signatures are deterministic, RFC 8032), so
 * the engine may verify inside a command and a replay verifies the same way.
 *
 * <p>The signed message of a reading (docs/metering.md) is the 28 ASCII bytes {@code
 * computecap-meter-reading-v1} followed by one zero byte, then eight big-endian 64-bit integers:
 * meter id, account id, sequence, interval start and end (epoch seconds), counter start and end
 * (joules), compute estimate (GFLOP); then the method's UTF-8 length as a big-endian 16-bit integer
 * and its bytes. Every field has a fixed place, so no two readings have the same message.
 */
public final class MeterSignatures {
  /** The domain-separation prefix: these bytes sign meter readings and nothing else. */
  static final byte[] PREFIX = "computecap-meter-reading-v1\0".getBytes(StandardCharsets.US_ASCII);

  private static final int SIGNATURE_BYTES = 64;

  private MeterSignatures() {}

  /**
   * The Ed25519 public key of {@code base64} (the X.509 SubjectPublicKeyInfo encoding); a key in
   * any other form, of another algorithm or not in its canonical base64 is refused naming {@code
   * field}.
   */
  public static PublicKey publicKey(String field, String base64) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(Fields.required(field, base64));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(field, field + " must be base64, got " + abbreviate(base64));
    }
    PublicKey key;
    try {
      key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (InvalidKeySpecException | RuntimeException e) {
      throw new InvalidFieldException(
          field,
          field + " must be an Ed25519 public key in X.509 encoding, got " + abbreviate(base64));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
    if (!Base64.getEncoder().encodeToString(key.getEncoded()).equals(base64)) {
      throw new InvalidFieldException(
          field, field + " must be the canonical X.509 encoding, got " + abbreviate(base64));
    }
    return key;
  }

  /** The canonical base64 spelling of a public key, as a meter is registered with. */
  public static String encode(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The message a meter signs for a reading (the layout in the class comment). */
  public static byte[] signedBytes(SubmitMeterReading r) {
    byte[] method = r.method().getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(PREFIX.length + 8 * 8 + 2 + method.length);
    b.put(PREFIX)
        .putLong(r.meterId())
        .putLong(r.accountId())
        .putLong(r.sequence())
        .putLong(r.intervalStartSeconds())
        .putLong(r.intervalEndSeconds())
        .putLong(r.counterStartJoules())
        .putLong(r.counterEndJoules())
        .putLong(r.computeGflop())
        .putShort((short) method.length)
        .put(method);
    return b.array();
  }

  /** Whether {@code signature} (base64) is the key's valid Ed25519 signature of {@code message}. */
  public static boolean verify(String publicKey, byte[] message, String signature) {
    byte[] sig = Base64.getDecoder().decode(signature);
    try {
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(publicKey("publicKey", publicKey));
      v.update(message);
      return v.verify(sig);
    } catch (SignatureException e) {
      return false;
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not an Ed25519 key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** The base64 Ed25519 signature of {@code message} by {@code key} (for meters and tests). */
  public static String sign(PrivateKey key, byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /** Checks that {@code signature} is the base64 of 64 bytes, naming the field. */
  static void signatureShape(String field, String signature) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(Fields.required(field, signature));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(
          field, field + " must be base64, got " + abbreviate(signature));
    }
    if (raw.length != SIGNATURE_BYTES
        || !Base64.getEncoder().encodeToString(raw).equals(signature)) {
      throw new InvalidFieldException(
          field,
          field
              + " must be the base64 of a 64-byte Ed25519 signature, got "
              + raw.length
              + " bytes");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? "'" + s + "'" : "'" + s.substring(0, 24) + "...'";
  }
}
