package org.computecap.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed checkpoints of the head: one line each, verifiable by anyone with the line alone. */
class CheckpointTest {
  @TempDir Path dir;

  private static KeyPair key() throws NoSuchAlgorithmException {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  private static byte[] hash(int b) {
    byte[] h = new byte[32];
    h[0] = (byte) b;
    h[31] = 7;
    return h;
  }

  @Test
  void a_checkpoint_line_parses_back_to_the_same_signed_checkpoint() throws Exception {
    Checkpoint c = Checkpoint.sign(42, hash(1), Instant.parse("2026-05-01T12:00:00.120Z"), key());
    assertThat(c.signatureValid()).isTrue();
    assertThat(c.line()).startsWith("v1 seq=42 head=01").contains(" time=2026-05-01T12:00:00.120Z");
    Checkpoint back = Checkpoint.parse(c.line());
    assertThat(back).isEqualTo(c);
    assertThat(back.signatureValid()).isTrue();
    assertThat(back.keyFingerprint()).hasSize(16).isEqualTo(c.keyFingerprint());
  }

  @Test
  void an_edited_field_breaks_the_signature() throws Exception {
    Checkpoint c = Checkpoint.sign(42, hash(1), Instant.parse("2026-05-01T12:00:00Z"), key());
    assertThat(Checkpoint.parse(c.line().replace("seq=42", "seq=43")).signatureValid()).isFalse();
    assertThat(Checkpoint.parse(c.line().replace("head=01", "head=02")).signatureValid()).isFalse();
    assertThat(Checkpoint.parse(c.line().replace("T12:", "T13:")).signatureValid()).isFalse();
    String otherKey = Checkpoint.sign(42, hash(1), c.time(), key()).line();
    String swapped =
        c.line().substring(0, c.line().indexOf(" key="))
            + otherKey.substring(otherKey.indexOf(" key="), otherKey.indexOf(" sig="))
            + c.line().substring(c.line().indexOf(" sig="));
    assertThat(Checkpoint.parse(swapped).signatureValid()).isFalse();
  }

  @Test
  void a_malformed_line_is_refused_naming_the_field() {
    assertThatThrownBy(() -> Checkpoint.parse("v1 seq=x head=00 time=t key=k sig=s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seq must be a whole number");
    assertThatThrownBy(() -> Checkpoint.parse("v2 seq=1"))
        .hasMessageContaining("'v1 seq=.. head=.. time=.. key=.. sig=..'");
  }

  @Test
  void the_log_skips_and_then_cuts_a_torn_last_line_and_refuses_an_edited_one() throws Exception {
    KeyPair key = key();
    Path p = dir.resolve("journal.ccj.checkpoints");
    try (CheckpointLog log = CheckpointLog.open(p)) {
      log.append(Checkpoint.sign(10, hash(1), Instant.parse("2026-05-01T12:00:00Z"), key));
      log.append(Checkpoint.sign(20, hash(2), Instant.parse("2026-05-01T12:01:00Z"), key));
    }
    assertThat(Files.getPosixFilePermissions(p))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    Files.writeString(p, "v1 seq=30 head=", StandardOpenOption.APPEND);

    CheckpointLog.Contents read = CheckpointLog.read(p);
    assertThat(read.tornLastLine()).isTrue();
    assertThat(read.checkpoints()).extracting(Checkpoint::seq).containsExactly(10L, 20L);
    assertThat(CheckpointLog.latest(p).orElseThrow().seq()).isEqualTo(20);
    try (CheckpointLog log = CheckpointLog.open(p)) {
      assertThat(log.latest().orElseThrow().seq()).isEqualTo(20);
      log.append(Checkpoint.sign(30, hash(3), Instant.parse("2026-05-01T12:02:00Z"), key));
    }
    assertThat(CheckpointLog.read(p).checkpoints()).hasSize(3);

    String text = Files.readString(p, StandardCharsets.UTF_8);
    Files.writeString(p, text.replaceFirst("seq=10", "seq=11"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CheckpointLog.read(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1: the signature does not verify");
  }

  @Test
  void a_checkpoint_becomes_an_anchor_naming_where_it_came_from() throws IOException, Exception {
    Checkpoint c = Checkpoint.sign(5, hash(9), Instant.parse("2026-05-01T12:00:00Z"), key());
    HeadAnchor a = c.anchor("data/journal.ccj.checkpoints");
    assertThat(a.seq()).isEqualTo(5);
    assertThat(a.hash()).isEqualTo(hash(9));
    assertThat(a.source())
        .isEqualTo("the checkpoint of 2026-05-01T12:00:00Z in data/journal.ccj.checkpoints");
  }

  @Test
  void an_expected_head_parses_with_and_without_a_seq_and_names_its_option_when_malformed() {
    String hex = "ab".repeat(32);
    assertThat(HeadAnchor.parse(hex + "@12", "--expect-head").seq()).isEqualTo(12);
    assertThat(HeadAnchor.parse(hex, "--expect-head").seq()).isZero();
    assertThatThrownBy(() -> HeadAnchor.parse("abc", "--expect-head"))
        .hasMessage("--expect-head: a head hash is 64 hex digits, got 3 characters");
    assertThatThrownBy(() -> HeadAnchor.parse(hex + "@0", "--expect-head"))
        .hasMessageContaining("the seq after '@' must be a whole number >= 1");
    assertThatThrownBy(() -> HeadAnchor.parse("zz".repeat(32), "--expect-head"))
        .hasMessageContaining("found 'zz'");
  }
}
