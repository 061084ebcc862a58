package org.computecap.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;
import org.computecap.engine.Engine;
import org.computecap.engine.TestPrograms;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.TransferPermits;
import org.computecap.engine.command.WithdrawCash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private final CommandCodec codec = CommandCodec.standard();

  /** Ten commands, one of them rejected, journaled to {@code journal}; returns the engine. */
  private Engine runTen(Journal journal) {
    JournaledEngine je = new JournaledEngine(new Engine(TestPrograms.PARSER), journal, codec);
    je.submit(0, new OpenMarket(TestPrograms.yaml(2026, 500, true), 9));
    je.submit(1, new OpenAccount(1, "alice", Role.PARTICIPANT));
    je.submit(1, new OpenAccount(2, "bob", Role.PARTICIPANT));
    je.submit(2, new DepositCash(1, 10_000));
    je.submit(3, new IssuePermits(1, 2026, 100));
    je.submit(4, new TransferPermits(1, 2, 2026, 40));
    je.submit(5, new WithdrawCash(1, 20_000));
    je.submit(6, new WithdrawCash(1, 2_000));
    je.flush();
    je.submit(7, new IssuePermits(2, 2026, 400));
    je.submit(8, new TransferPermits(2, 1, 2026, 1));
    je.flush();
    return je.engine();
  }

  private Path fileWithTen() {
    Path p = dir.resolve("ten.journal");
    try (FileJournal j = FileJournal.create(p)) {
      runTen(j);
    }
    return p;
  }

  @Test
  void file_and_memory_journals_build_the_same_chain() {
    InMemoryJournal memory = new InMemoryJournal();
    runTen(memory);
    Path p = fileWithTen();
    Verification v = JournalFile.verify(p);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(10);
    assertThat(v.headHash()).isEqualTo(memory.headHash());
    List<JournalEntry> read = new ArrayList<>();
    JournalFile.read(p, read::add);
    for (JournalEntry e : read) {
      assertThat(e).isEqualTo(memory.entry(e.seq()));
    }
  }

  @Test
  void add_and_append_build_the_same_chain_as_the_entry_hash_in_memory_and_in_a_file() {
    InMemoryJournal added = new InMemoryJournal();
    InMemoryJournal appended = new InMemoryJournal();
    Path addedFile = dir.resolve("added.journal");
    Path appendedFile = dir.resolve("appended.journal");
    byte[] prev = JournalEntry.genesisHash();
    try (FileJournal fa = FileJournal.create(addedFile);
        FileJournal fb = FileJournal.create(appendedFile)) {
      for (int i = 0; i < 5_000; i++) {
        byte[] command = new byte[i % 300];
        if (command.length > 0) {
          command[i % command.length] = (byte) i;
        }
        added.add(i * 3L, command);
        fa.add(i * 3L, command);
        JournalEntry e = appended.append(i * 3L, command);
        assertThat(fb.append(i * 3L, command)).isEqualTo(e);
        assertThat(e.prevHash()).isEqualTo(prev);
        assertThat(e.hash())
            .isEqualTo(JournalEntry.hashOf(i + 1L, i * 3L, prev, command, JournalEntry.sha256()));
        prev = e.hash();
        if (i % 1_000 == 999) {
          fa.flush();
        }
      }
    }
    assertThat(added.headHash()).isEqualTo(prev).isEqualTo(appended.headHash());
    List<JournalEntry> fromMemory = new ArrayList<>();
    added.forEach(fromMemory::add);
    List<JournalEntry> fromFile = new ArrayList<>();
    Verification v = JournalFile.read(addedFile, fromFile::add);
    assertThat(v.intact()).isTrue();
    assertThat(v.headHash()).isEqualTo(prev);
    assertThat(fromFile).isEqualTo(fromMemory);
    assertThat(added.entry(4_321)).isEqualTo(appended.entry(4_321)).isEqualTo(fromFile.get(4_320));
    assertThat(addedFile).hasSameBinaryContentAs(appendedFile);
  }

  @Test
  void pipelined_commits_write_the_same_file_as_flushes_and_report_what_is_durable()
      throws InterruptedException {
    Path committed = dir.resolve("committed.journal");
    Path flushed = dir.resolve("flushed.journal");
    Thread syncer;
    try (FileJournal c = FileJournal.create(committed);
        FileJournal f = FileJournal.create(flushed)) {
      syncer =
          new Thread(
              () -> {
                try {
                  while (c.syncNext()) {
                    assertThat(c.durableSize()).isBetween(0L, 20_000L);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      syncer.start();
      c.commit();
      assertThat(c.syncs()).isZero();
      for (int i = 0; i < 20_000; i++) {
        byte[] command = {(byte) i, (byte) (i >> 8), 7};
        c.add(i, command);
        f.add(i, command);
        if (i % 1_000 == 500) {
          assertThat(c.headHash()).isEqualTo(f.headHash());
        }
        if (i % 100 == 99) {
          c.commit();
          f.flush();
          assertThat(c.durableSize()).isBetween(0L, c.size());
        }
      }
      c.commit();
      c.flush();
      assertThat(c.durableSize()).isEqualTo(20_000);
      assertThat(c.syncs()).isBetween(1L, 201L);
      assertThat(c.headHash()).isEqualTo(f.headHash());
    }
    syncer.join();
    assertThat(committed).hasSameBinaryContentAs(flushed);
    assertThat(JournalFile.verify(committed).entries()).isEqualTo(20_000);
  }

  @Test
  void a_commit_while_the_last_batch_waits_for_the_sync_thread_joins_it_under_one_fsync()
      throws InterruptedException {
    Path p = fileWithTen();
    try (FileJournal j = FileJournal.open(p)) {
      j.add(11, new byte[] {1});
      j.headHash();
      j.commit();
      // Sealed by the caller (as the server does) and unsealed: both join the waiting batch.
      j.add(12, new byte[] {2, 2});
      j.headHash();
      j.add(13, new byte[] {3, 3, 3});
      j.commit();
      long before = j.syncs();
      assertThat(j.syncNext()).isTrue();
      assertThat(j.durableSize()).isEqualTo(13);
      assertThat(j.syncs()).isEqualTo(before + 1);
    }
    Verification v = JournalFile.verify(p);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(13);
  }

  @Test
  void a_commit_without_a_sync_thread_is_written_by_the_next_flush_in_order() {
    Path p = fileWithTen();
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.durableSize()).isEqualTo(10);
      j.add(9, new byte[] {1});
      j.commit();
      j.add(10, new byte[] {2});
      j.flush();
      assertThat(j.durableSize()).isEqualTo(12);
    }
    assertThat(JournalFile.verify(p).entries()).isEqualTo(12);
  }

  @Test
  void a_sealing_thread_beside_the_appender_gives_the_same_chain_as_sealing_on_demand()
      throws InterruptedException {
    InMemoryJournal sealedAside = new InMemoryJournal();
    InMemoryJournal onDemand = new InMemoryJournal();
    AtomicBoolean stop = new AtomicBoolean();
    Thread sealer =
        new Thread(
            () -> {
              while (!stop.get()) {
                sealedAside.sealPending();
              }
            });
    sealer.start();
    for (int i = 0; i < 50_000; i++) {
      byte[] command = new byte[1 + i % 200];
      command[i % command.length] = (byte) (i * 7);
      sealedAside.add(i, command);
      onDemand.add(i, command);
      if (i % 10_000 == 9_999) {
        assertThat(sealedAside.headHash()).isEqualTo(onDemand.headHash());
      }
    }
    stop.set(true);
    sealer.join();
    assertThat(sealedAside.headHash()).isEqualTo(onDemand.headHash());
    List<JournalEntry> a = new ArrayList<>();
    sealedAside.forEach(a::add);
    List<JournalEntry> b = new ArrayList<>();
    onDemand.forEach(b::add);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void an_in_memory_journal_refuses_a_seq_it_does_not_hold() {
    InMemoryJournal memory = new InMemoryJournal();
    memory.add(0, new byte[] {1});
    assertThatThrownBy(() -> memory.entry(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seq must be in 1..1");
  }

  @Test
  void replay_of_a_journal_rebuilds_the_same_state_hash() {
    InMemoryJournal memory = new InMemoryJournal();
    Engine original = runTen(memory);
    assertThat(original.state().seq()).isEqualTo(10);
    assertThat(Replay.matches(memory, original.stateHash(), TestPrograms.PARSER, codec)).isTrue();
    try (FileJournal reopened = FileJournal.open(fileWithTen())) {
      Engine replayed = Replay.rebuild(reopened, TestPrograms.PARSER, codec);
      assertThat(replayed.stateHash()).isEqualTo(original.stateHash());
    }
  }

  @Test
  void a_flipped_byte_is_named_as_a_corrupt_entry_with_its_offset() throws IOException {
    Path p = fileWithTen();
    long offset = offsetOf(p, 4);
    flip(p, offset + 30);
    Verification v = JournalFile.verify(p);
    assertThat(v.intact()).isFalse();
    assertThat(v.badSeq()).isEqualTo(4);
    assertThat(v.badOffset()).isEqualTo(offset);
    assertThat(v.problem()).isEqualTo(Verification.Problem.CORRUPT);
    assertThat(v.entries()).isEqualTo(3);
    assertThat(v.summary()).contains("seq=4").contains("offset " + offset);
  }

  @Test
  void an_edit_that_fixes_the_checksum_is_named_by_the_hash() throws IOException {
    Path p = fileWithTen();
    long offset = offsetOf(p, 6);
    byte[] all = Files.readAllBytes(p);
    all[(int) offset + 4 + JournalFile.FIXED_BODY + 5] ^= 1;
    rechecksum(all, (int) offset);
    Files.write(p, all);
    Verification v = JournalFile.verify(p);
    assertThat(v.badSeq()).isEqualTo(6);
    assertThat(v.badOffset()).isEqualTo(offset);
    assertThat(v.problem()).isEqualTo(Verification.Problem.EDITED);
  }

  @Test
  void an_edit_that_rehashes_the_entry_is_named_through_its_successor() throws IOException {
    Path p = fileWithTen();
    long offset = offsetOf(p, 5);
    byte[] all = Files.readAllBytes(p);
    int at = (int) offset;
    int length = readInt(all, at);
    all[at + 4 + JournalFile.FIXED_BODY + 9] ^= 1;
    byte[] body = java.util.Arrays.copyOfRange(all, at + 4, at + 4 + length);
    byte[] prev = java.util.Arrays.copyOfRange(body, 16, 48);
    byte[] command = java.util.Arrays.copyOfRange(body, JournalFile.FIXED_BODY, length);
    byte[] hash =
        JournalEntry.hashOf(5, Bytes.getLong(body, 8), prev, command, JournalEntry.sha256());
    System.arraycopy(hash, 0, all, at + 4 + 48, 32);
    rechecksum(all, at);
    Files.write(p, all);
    Verification v = JournalFile.verify(p);
    assertThat(v.badSeq()).isEqualTo(5);
    assertThat(v.badOffset()).isEqualTo(offset);
    assertThat(v.problem()).isEqualTo(Verification.Problem.EDITED);
  }

  @Test
  void a_removed_entry_is_named_as_out_of_sequence() throws IOException {
    Path p = fileWithTen();
    byte[] all = Files.readAllBytes(p);
    int from = (int) offsetOf(p, 3);
    int to = (int) offsetOf(p, 4);
    byte[] cut = new byte[all.length - (to - from)];
    System.arraycopy(all, 0, cut, 0, from);
    System.arraycopy(all, to, cut, from, all.length - to);
    Files.write(p, cut);
    Verification v = JournalFile.verify(p);
    assertThat(v.badSeq()).isEqualTo(3);
    assertThat(v.badOffset()).isEqualTo(from);
    assertThat(v.problem()).isEqualTo(Verification.Problem.OUT_OF_SEQUENCE);
  }

  @Test
  void a_torn_tail_is_reported_and_moved_aside_when_the_journal_is_reopened() throws IOException {
    Path p = fileWithTen();
    long size = Files.size(p);
    try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(size - 3);
    }
    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.TRUNCATED);
    assertThat(v.badSeq()).isEqualTo(10);
    try (FileJournal j = FileJournal.open(p)) {
      assertThat(j.size()).isEqualTo(9);
      assertThat(j.tornTail().orElseThrow().bytes()).isEqualTo(size - 3 - v.goodBytes());
      j.append(99, new byte[] {1, 2, 3});
    }
    Verification after = JournalFile.verify(p);
    assertThat(after.intact()).isTrue();
    assertThat(after.entries()).isEqualTo(10);
  }

  @Test
  void a_damaged_journal_cannot_be_appended_to() throws IOException {
    Path p = fileWithTen();
    flip(p, offsetOf(p, 2) + 20);
    assertThatThrownBy(() -> FileJournal.open(p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seq=2");
  }

  @Test
  void a_file_without_the_header_is_not_a_journal() throws IOException {
    Path p = dir.resolve("junk");
    Files.writeString(p, "hello, world");
    Verification v = JournalFile.verify(p);
    assertThat(v.problem()).isEqualTo(Verification.Problem.NOT_A_JOURNAL);
    assertThat(v.badOffset()).isZero();
  }

  @Test
  void an_existing_file_is_never_overwritten() {
    Path p = fileWithTen();
    assertThatThrownBy(() -> FileJournal.create(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void a_batch_of_entries_is_made_durable_by_one_fsync() {
    Path p = dir.resolve("batch.journal");
    try (FileJournal j = FileJournal.create(p)) {
      for (int i = 0; i < 5_000; i++) {
        j.append(i, new byte[100]);
      }
      long before = j.syncs();
      j.flush();
      assertThat(j.syncs()).isEqualTo(before + 1);
      assertThat(JournalFile.verify(p).entries()).isEqualTo(5_000);
    }
  }

  @Test
  void a_journal_must_start_in_step_with_its_engine() {
    InMemoryJournal j = new InMemoryJournal();
    j.append(0, new byte[] {0});
    assertThatThrownBy(() -> new JournaledEngine(new Engine(TestPrograms.PARSER), j, codec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journal holds 1");
  }

  private static long offsetOf(Path p, long seq) throws IOException {
    byte[] all = Files.readAllBytes(p);
    int at = JournalFile.MAGIC.length;
    for (long s = 1; s < seq; s++) {
      at += 4 + readInt(all, at) + 4;
    }
    return at;
  }

  private static int readInt(byte[] b, int at) {
    return Bytes.getInt(b, at);
  }

  private static void flip(Path p, long offset) throws IOException {
    byte[] all = Files.readAllBytes(p);
    all[(int) offset] ^= 0x40;
    Files.write(p, all);
  }

  private static void rechecksum(byte[] all, int at) {
    int length = readInt(all, at);
    CRC32C crc = new CRC32C();
    crc.update(all, at, 4 + length);
    Bytes.putInt(all, at + 4 + length, (int) crc.getValue());
  }
}
