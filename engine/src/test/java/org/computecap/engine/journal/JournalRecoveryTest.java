package org.computecap.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery never loses acknowledged history: only a genuinely last, incomplete record is a torn
 * tail (moved aside into a side file, never deleted), and everything else, above all a damaged
 * length field in the middle, refuses the open and leaves the file exactly as it was. Over real
 * files, damaged the way disks and crashes damage them.
 */
class JournalRecoveryTest {
  @TempDir Path dir;

  /** A journal of ten entries with commands of different lengths, flushed in two batches. */
  private Path tenEntries() {
    Path p = dir.resolve("journal.ccj");
    try (FileJournal j = FileJournal.create(p)) {
      for (int i = 1; i <= 10; i++) {
        byte[] command = new byte[20 + i * 7];
        Arrays.fill(command, (byte) (i * 13));
        j.append(i, command);
        if (i == 6) {
          j.flush();
        }
      }
    }
    return p;
  }

  @Test
  void a_flipped_length_bit_in_a_middle_record_refuses_the_open_and_keeps_the_file()
      throws IOException {
    Path p = tenEntries();
    long offset = offsetOf(p, 4);
    int length = Bytes.getInt(Files.readAllBytes(p), (int) offset);
    // Bit 20 of the length: the record now claims a megabyte, past the end of the file. The old
    // reader took that for a torn tail and cut seq 4..10 off.
    flipBit(p, offset + 1, 4);
    byte[] before = Files.readAllBytes(p);

    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.CORRUPT);
    assertThat(v.badSeq()).isEqualTo(4);
    assertThat(v.badOffset()).isEqualTo(offset);
    assertThat(v.detail())
        .startsWith("record length " + (length ^ 0x100000) + " runs past the end of the file")
        .contains("a valid record (seq 5) follows");
    assertThatThrownBy(() -> FileJournal.open(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(v.summary());
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
    assertThat(sideFiles()).isEmpty();
  }

  @Test
  void a_flipped_length_bit_in_the_last_record_is_damage_not_a_torn_tail() throws IOException {
    Path p = tenEntries();
    long offset = offsetOf(p, 10);
    flipBit(p, offset + 2, 0);
    byte[] before = Files.readAllBytes(p);

    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.CORRUPT);
    assertThat(v.badSeq()).isEqualTo(10);
    assertThat(v.detail()).contains("the record is complete with length").contains("damaged");
    assertThatThrownBy(() -> FileJournal.open(p)).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
  }

  @Test
  void a_single_bit_flip_anywhere_in_any_record_is_refused_never_cut_off() throws IOException {
    Path p = tenEntries();
    byte[] original = Files.readAllBytes(p);
    Set<Integer> lengthBytes = new java.util.HashSet<>();
    for (long seq = 1; seq <= 10; seq++) {
      for (int i = 0; i < 4; i++) {
        lengthBytes.add((int) offsetOf(p, seq) + i);
      }
    }
    Path copy = dir.resolve("flipped.ccj");
    int checked = 0;
    for (int at = JournalFile.MAGIC.length; at < original.length; at++) {
      // Every bit of every length field; one bit, turn about, of every other byte.
      for (int bit = 0; bit < 8; bit++) {
        if (!lengthBytes.contains(at) && bit != at % 8) {
          continue;
        }
        byte[] b = original.clone();
        b[at] ^= (byte) (1 << bit);
        Files.write(copy, b);
        Verification v = JournalFile.verify(copy);
        assertThat(v.intact() || v.tornTail())
            .as("flip of bit %d at byte %d: %s", bit, at, v.summary())
            .isFalse();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(original.length - JournalFile.MAGIC.length + 40 * 7);
  }

  @Test
  void a_torn_tail_is_moved_into_a_side_file_and_the_acknowledged_prefix_is_kept()
      throws IOException {
    Path p = tenEntries();
    byte[] full = Files.readAllBytes(p);
    long cut = offsetOf(p, 9);
    // The crash came while entries 9 and 10 were being written: 9 complete, 10 partly there.
    long end = offsetOf(p, 10) + 30;
    truncate(p, end);

    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.TRUNCATED);
    assertThat(v.badSeq()).isEqualTo(10);
    assertThat(v.summary()).startsWith("journal has a torn tail");
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.size()).isEqualTo(9);
      FileJournal.TornTail torn = j.tornTail().orElseThrow();
      assertThat(torn.offset()).isEqualTo(offsetOf(p, 10));
      assertThat(torn.bytes()).isEqualTo(30);
      assertThat(torn.savedTo()).isEqualTo(dir.resolve("journal.ccj.torn-" + torn.offset()));
      assertThat(Files.readAllBytes(torn.savedTo()))
          .isEqualTo(Arrays.copyOfRange(full, (int) torn.offset(), (int) end));
    }
    assertThat(Files.readAllBytes(p)).isEqualTo(Arrays.copyOf(full, (int) offsetOf(p, 10)));
    assertThat(JournalFile.verify(p).entries()).isEqualTo(9);
    assertThat(cut).isLessThan(end);
  }

  @Test
  void a_zero_filled_tail_after_the_last_record_is_a_torn_tail_and_recovered() throws IOException {
    Path p = tenEntries();
    byte[] full = Files.readAllBytes(p);
    // A power loss after the file grew but before the new batch's data reached the disk.
    Files.write(p, new byte[4096], StandardOpenOption.APPEND);

    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.TRUNCATED);
    assertThat(v.detail()).contains("zero-filled");
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.size()).isEqualTo(10);
      FileJournal.TornTail torn = j.tornTail().orElseThrow();
      assertThat(Files.readAllBytes(torn.savedTo())).isEqualTo(new byte[4096]);
    }
    assertThat(Files.readAllBytes(p)).isEqualTo(full);
  }

  @Test
  void a_last_record_whose_end_reads_as_zeros_is_a_torn_tail() throws IOException {
    Path p = tenEntries();
    byte[] b = Files.readAllBytes(p);
    int last = (int) offsetOf(p, 10);
    Arrays.fill(b, b.length - 40, b.length, (byte) 0);
    Files.write(p, b);

    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.size()).isEqualTo(9);
      assertThat(j.tornTail().orElseThrow().offset()).isEqualTo(last);
      assertThat(Files.readAllBytes(j.tornTail().orElseThrow().savedTo()))
          .isEqualTo(Arrays.copyOfRange(b, last, b.length));
    }
  }

  @Test
  void a_complete_last_record_with_a_wrong_checksum_is_damage() throws IOException {
    Path p = tenEntries();
    byte[] b = Files.readAllBytes(p);
    b[b.length - 50] ^= 0x10;
    Files.write(p, b);
    assertThatThrownBy(() -> FileJournal.open(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seq=10")
        .hasMessageContaining("CORRUPT: checksum mismatch");
    assertThat(Files.readAllBytes(p)).isEqualTo(b);
  }

  @Test
  void a_journal_torn_while_it_was_created_starts_again_empty() throws IOException {
    Path p = dir.resolve("journal.ccj");
    Files.write(p, new byte[] {'C', 'C', 'J'});
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.size()).isZero();
      assertThat(Files.readAllBytes(j.tornTail().orElseThrow().savedTo()))
          .isEqualTo(new byte[] {'C', 'C', 'J'});
      j.append(1, new byte[] {1});
    }
    assertThat(JournalFile.verify(p).entries()).isEqualTo(1);
  }

  @Test
  void a_crash_during_recovery_reuses_the_side_file_it_already_wrote() throws IOException {
    Path p = tenEntries();
    long end = Files.size(p) - 5;
    truncate(p, end);
    byte[] torn = Arrays.copyOfRange(Files.readAllBytes(p), (int) offsetOf(p, 10), (int) end);
    Path side = dir.resolve("journal.ccj.torn-" + offsetOf(p, 10));
    Files.write(side, torn);
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.tornTail().orElseThrow().savedTo()).isEqualTo(side);
    }
    assertThat(sideFiles()).containsExactly(side);
  }

  @Test
  void a_journal_cut_at_a_record_boundary_is_caught_by_a_checkpoint_and_left_untouched()
      throws IOException {
    Path p = tenEntries();
    List<HeadAnchor> anchors = List.of(new HeadAnchor(10, headOf(p), "the test's checkpoint"));
    truncate(p, offsetOf(p, 8));
    byte[] before = Files.readAllBytes(p);
    assertThat(JournalFile.verify(p).intact()).isTrue();

    Verification v = JournalFile.verify(p, anchors);
    assertThat(v.problem()).isEqualTo(Verification.Problem.TAIL_MISSING);
    assertThat(v.badSeq()).isEqualTo(8);
    assertThat(v.detail()).contains("entries 8..10 are missing").contains("the test's checkpoint");
    assertThatThrownBy(() -> FileJournal.open(p, anchors)).hasMessageContaining("TAIL_MISSING");
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
  }

  @Test
  void a_torn_tail_that_a_checkpoint_says_was_acknowledged_is_refused() throws IOException {
    Path p = tenEntries();
    List<HeadAnchor> anchors = List.of(new HeadAnchor(10, headOf(p), "checkpoint"));
    truncate(p, Files.size(p) - 3);
    byte[] before = Files.readAllBytes(p);
    Verification v = JournalFile.verify(p, anchors);
    assertThat(v.problem()).isEqualTo(Verification.Problem.TAIL_MISSING);
    assertThat(v.detail()).contains("torn record");
    assertThatThrownBy(() -> FileJournal.open(p, anchors))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
    assertThat(sideFiles()).isEmpty();
  }

  @Test
  void a_rewritten_last_entry_verifies_alone_but_not_against_the_recorded_head()
      throws IOException {
    Path p = tenEntries();
    byte[] head = headOf(p);
    rewriteLastCommand(p);
    assertThat(JournalFile.verify(p).intact()).isTrue();

    Verification v = JournalFile.verify(p, List.of(new HeadAnchor(10, head, "operator's note")));
    assertThat(v.problem()).isEqualTo(Verification.Problem.REWRITTEN);
    assertThat(v.badSeq()).isEqualTo(10);
    assertThat(v.badOffset()).isEqualTo(offsetOf(p, 10));
    Verification unsequenced =
        JournalFile.verify(p, List.of(new HeadAnchor(0, head, "operator's note")));
    assertThat(unsequenced.problem()).isEqualTo(Verification.Problem.HEAD_NOT_FOUND);
  }

  @Test
  void an_expected_head_without_a_seq_is_found_anywhere_in_a_journal_that_grew()
      throws IOException {
    Path p = tenEntries();
    byte[] head = headOf(p);
    try (FileJournal j = FileJournal.open(p)) {
      j.append(11, new byte[] {4, 2});
    }
    assertThat(JournalFile.verify(p, List.of(new HeadAnchor(0, head, "note"))).intact()).isTrue();
    assertThat(JournalFile.verify(p, List.of(new HeadAnchor(10, head, "note"))).intact()).isTrue();
  }

  @Test
  void new_journals_and_side_files_are_readable_by_their_owner_only() throws IOException {
    Path p = tenEntries();
    Set<PosixFilePermission> ownerOnly =
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.getPosixFilePermissions(p)).isEqualTo(ownerOnly);
    truncate(p, Files.size(p) - 1);
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(Files.getPosixFilePermissions(j.tornTail().orElseThrow().savedTo()))
          .isEqualTo(ownerOnly);
    }
  }

  private List<Path> sideFiles() throws IOException {
    try (var s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().contains(".torn-")).toList();
    }
  }

  private static byte[] headOf(Path p) {
    return JournalFile.verify(p).headHash();
  }

  static long offsetOf(Path p, long seq) throws IOException {
    byte[] all = Files.readAllBytes(p);
    int at = JournalFile.MAGIC.length;
    for (long s = 1; s < seq; s++) {
      at += 4 + Bytes.getInt(all, at) + 4;
    }
    return at;
  }

  private static void flipBit(Path p, long offset, int bit) throws IOException {
    byte[] all = Files.readAllBytes(p);
    all[(int) offset] ^= (byte) (1 << bit);
    Files.write(p, all);
  }

  private static void truncate(Path p, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  /** Edits the last entry's command and recomputes its hash and checksum, as a forger would. */
  private static void rewriteLastCommand(Path p) throws IOException {
    byte[] all = Files.readAllBytes(p);
    int at = (int) offsetOf(p, 10);
    int length = Bytes.getInt(all, at);
    int body = at + 4;
    all[body + JournalFile.FIXED_BODY] ^= 1;
    byte[] prev = Arrays.copyOfRange(all, body + 16, body + 48);
    byte[] command = Arrays.copyOfRange(all, body + JournalFile.FIXED_BODY, body + length);
    byte[] hash =
        JournalEntry.hashOf(10, Bytes.getLong(all, body + 8), prev, command, JournalEntry.sha256());
    System.arraycopy(hash, 0, all, body + 48, 32);
    CRC32C crc = new CRC32C();
    crc.update(all, at, 4 + length);
    Bytes.putInt(all, at + 4 + length, (int) crc.getValue());
    Files.write(p, all);
  }
}
