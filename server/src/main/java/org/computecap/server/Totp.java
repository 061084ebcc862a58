package org.computecap.server;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238, the second factor of issue 16): HMAC-SHA1 over the
 * 30-second step since the epoch, six digits, as every authenticator app computes them by default.
 * A code is accepted for its own step and one step either side (clocks drift), and the caller keeps
 * the last step a person used so a code is never accepted twice. Secrets are 20 random bytes (RFC
 * 4226's recommended 160 bits) shown as base32; enrolment is an {@code otpauth://} URI and its QR
 * code (ZXing).
 */
public final class Totp {
  public static final long STEP_SECONDS = 30;
  static final int DIGITS = 6;
  private static final int SECRET_BYTES = 20;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random secret, base32 without padding (32 characters). */
  static String newSecret() {
    byte[] b = new byte[SECRET_BYTES];
    RANDOM.nextBytes(b);
    return base32(b);
  }

  /** The step that {@code epochMillis} falls in. */
  public static long step(long epochMillis) {
    return Math.floorDiv(epochMillis, STEP_SECONDS * 1000);
  }

  /** The code of {@code step} for the base32 {@code secret}, {@code digits} long. */
  static String code(byte[] key, long step, int digits, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0x0f;
      int bin =
          (h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | h[o + 3] & 0xff;
      int mod = (int) Math.pow(10, digits);
      return String.format("%0" + digits + "d", bin % mod);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /**
   * The six-digit code of the base32 {@code secret} at {@code epochMillis}, as an authenticator app
   * shows it ({@code computecap totp SECRET}); IllegalArgumentException for a secret that is not
   * base32.
   */
  public static String code(String secret, long epochMillis) {
    return code(unbase32(secret), step(epochMillis), DIGITS, "HmacSHA1");
  }

  /**
   * The step {@code code} matches within one step of {@code epochMillis} and after {@code
   * lastUsedStep}, or -1: a code already used (or an older one) is refused, whatever its window.
   */
  static long match(String secret, String code, long epochMillis, long lastUsedStep) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    byte[] key = unbase32(secret);
    long now = step(epochMillis);
    for (long s = now - 1; s <= now + 1; s++) {
      if (s > lastUsedStep
          && java.security.MessageDigest.isEqual(
              code(key, s, DIGITS, "HmacSHA1").getBytes(StandardCharsets.US_ASCII),
              code.getBytes(StandardCharsets.US_ASCII))) {
        return s;
      }
    }
    return -1;
  }

  /** The {@code otpauth://} URI authenticator apps read (Google Authenticator's key format). */
  static String uri(String issuer, String account, String secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** The URI as a PNG QR code (ZXing), {@code size} pixels square. */
  static byte[] qrPng(String uri, int size) {
    try {
      BitMatrix m = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, size, size);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(m, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("the URI does not fit a QR code", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String base32(byte[] b) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte x : b) {
      buffer = buffer << 8 | x & 0xff;
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt(buffer >> bits - 5 & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt(buffer << 5 - bits & 31));
    }
    return out.toString();
  }

  static byte[] unbase32(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : s.toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = buffer << 5 | v;
      bits += 5;
      if (bits >= 8) {
        out.write(buffer >> bits - 8 & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
