package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpTest {
  private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @Test
  void the_rfc_6238_sha1_test_vectors_come_out_exactly() {
    long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
    String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
    for (int i = 0; i < times.length; i++) {
      assertThat(Totp.code(RFC_KEY, Totp.step(times[i] * 1000), 8, "HmacSHA1"))
          .as("T=" + times[i])
          .isEqualTo(codes[i]);
    }
  }

  @Test
  void base32_round_trips_the_rfc_key() {
    String secret = Totp.base32(RFC_KEY);
    assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(Totp.unbase32(secret)).isEqualTo(RFC_KEY);
  }

  @Test
  void a_code_is_accepted_one_step_either_side_and_not_beyond() {
    String secret = Totp.base32(RFC_KEY);
    long now = 1111111111_000L;
    long step = Totp.step(now);
    for (long s = step - 3; s <= step + 3; s++) {
      String code = Totp.code(RFC_KEY, s, 6, "HmacSHA1");
      long matched = Totp.match(secret, code, now, Long.MIN_VALUE);
      assertThat(matched)
          .as("step offset " + (s - step))
          .isEqualTo(Math.abs(s - step) <= 1 ? s : -1);
    }
  }

  @Test
  void a_code_already_used_is_refused_within_its_window() {
    String secret = Totp.base32(RFC_KEY);
    long now = 1234567890_000L;
    String code = Totp.code(secret, now);
    long used = Totp.match(secret, code, now, Long.MIN_VALUE);
    assertThat(used).isEqualTo(Totp.step(now));
    assertThat(Totp.match(secret, code, now, used)).isEqualTo(-1);
    assertThat(Totp.match(secret, code, now + 20_000, used)).isEqualTo(-1);
    // The next step's code is still good.
    assertThat(Totp.match(secret, Totp.code(secret, now + 30_000), now + 30_000, used))
        .isEqualTo(used + 1);
  }

  @Test
  void malformed_codes_never_match() {
    String secret = Totp.base32(RFC_KEY);
    assertThat(Totp.match(secret, null, 0, Long.MIN_VALUE)).isEqualTo(-1);
    assertThat(Totp.match(secret, "12345", 0, Long.MIN_VALUE)).isEqualTo(-1);
    assertThat(Totp.match(secret, "12345a", 0, Long.MIN_VALUE)).isEqualTo(-1);
  }

  @Test
  void the_enrolment_uri_and_qr_code_are_what_authenticator_apps_read() throws Exception {
    String uri = Totp.uri("ComputeCap", "ann lee", "JBSWY3DPEHPK3PXP");
    assertThat(uri)
        .isEqualTo(
            "otpauth://totp/ComputeCap:ann%20lee?secret=JBSWY3DPEHPK3PXP&issuer=ComputeCap"
                + "&algorithm=SHA1&digits=6&period=30");
    byte[] png = Totp.qrPng(uri, 200);
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    com.google.zxing.Result read =
        new com.google.zxing.qrcode.QRCodeReader()
            .decode(
                new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image))));
    assertThat(read.getText()).isEqualTo(uri);
  }
}
