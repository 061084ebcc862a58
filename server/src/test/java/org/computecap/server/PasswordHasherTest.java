package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void a_password_verifies_against_its_own_hash_and_nothing_else_does() {
    String hash = PasswordHasher.hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(PasswordHasher.verify("correct horse battery stapl", hash)).isFalse();
    assertThat(PasswordHasher.verify("Correct horse battery staple", hash)).isFalse();
    assertThat(PasswordHasher.verify("", hash)).isFalse();
  }

  @Test
  void two_hashes_of_one_password_differ_by_their_random_salt_and_both_verify() {
    String a = PasswordHasher.hash("the same password");
    String b = PasswordHasher.hash("the same password");
    assertThat(a).isNotEqualTo(b);
    assertThat(PasswordHasher.verify("the same password", a)).isTrue();
    assertThat(PasswordHasher.verify("the same password", b)).isTrue();
  }

  @Test
  void a_hash_made_with_other_parameters_verifies_so_they_are_read_from_the_string() {
    byte[] salt = "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    org.bouncycastle.crypto.generators.Argon2BytesGenerator g =
        new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
    g.init(
        new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
            .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(8192)
            .withIterations(1)
            .withParallelism(2)
            .withSalt(salt)
            .build());
    byte[] out = new byte[24];
    g.generateBytes("password".getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder().withoutPadding();
    String encoded =
        "$argon2id$v=19$m=8192,t=1,p=2$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    assertThat(PasswordHasher.verify("password", encoded)).isTrue();
    assertThat(PasswordHasher.verify("passwore", encoded)).isFalse();
    assertThat(PasswordHasher.verify("password", encoded.replace("t=1", "t=2"))).isFalse();
  }

  @Test
  void empty_or_malformed_hashes_never_verify() {
    assertThat(PasswordHasher.verify("x", "")).isFalse();
    assertThat(PasswordHasher.verify("x", null)).isFalse();
    assertThat(PasswordHasher.verify("x", "$argon2i$v=19$m=16,t=1,p=1$c2FsdHNhbHQ$aGFzaA"))
        .isFalse();
  }

  @Test
  void a_password_shorter_than_ten_characters_is_refused_naming_the_field() {
    assertThatThrownBy(() -> PasswordHasher.checkAcceptable("password", "short"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("password must be 10 to 256 characters long, got 5");
  }
}
