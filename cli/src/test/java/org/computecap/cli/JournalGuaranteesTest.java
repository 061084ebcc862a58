package org.computecap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.computecap.engine.CanonicalWriter;
import org.computecap.engine.journal.FileJournal;
import org.computecap.engine.journal.JournalEntry;
import org.computecap.engine.journal.JournalFile;
import org.computecap.server.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code computecap serve} and {@code computecap journal verify} promise about the journal
 * file, over real files and real server processes: damage in the middle is refused with the verify
 * message and the file kept byte for byte; a torn or zero-filled tail is recovered with every
 * acknowledged entry kept and the cut bytes saved beside the journal; a tail cut off at a record
 * boundary, or a rewritten last entry, is caught against the server's signed checkpoints or a
 * recorded head.
 */
class JournalGuaranteesTest {
  private static final int ACCOUNTS = 12;

  /** The genesis, the market regulator's token (journaled since issue 9), the accounts. */
  private static final int ENTRIES = ACCOUNTS + 2;

  @TempDir Path dir;

  /** Served once for the class; each test damages a copy. */
  private static Path template;

  /**
   * A copy of a market served by a real process (genesis, the regulator's token and twelve
   * accounts, then a clean stop, which writes the last checkpoint), with its files' modes kept.
   */
  private Path market() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectory(data);
    try (var files = Files.list(template())) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return data;
  }

  private static synchronized Path template() throws Exception {
    if (template == null) {
      Path data = Files.createTempDirectory("computecap-guarantees").resolve("data");
      try (ServeProcess serve = ServeProcess.start(data)) {
        assertThat(serve.port()).as(serve.output()).isPositive();
        ApiClient reg = client(serve);
        for (long id = 1; id <= ACCOUNTS; id++) {
          assertThat(reg.openAccount(id, "p" + id, "PARTICIPANT").status()).isEqualTo(201);
        }
      }
      template = data;
    }
    return template;
  }

  private static ApiClient client(ServeProcess serve) {
    return new ApiClient(URI.create("http://127.0.0.1:" + serve.port()), ServeProcess.TOKEN);
  }

  private static Path journal(Path data) {
    return data.resolve("journal.ccj");
  }

  @Test
  void
      serve_refuses_a_flipped_length_bit_in_a_middle_record_with_the_verify_message_and_keeps_the_file()
          throws Exception {
    Path data = market();
    Path journal = journal(data);
    byte[] bytes = Files.readAllBytes(journal);
    long offset = offsets(bytes).get(6);
    bytes[(int) offset + 1] ^= 0x10;
    Files.write(journal, bytes);

    CliRun verify = CliRun.of("journal", "verify", journal.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    String line = verify.out().lines().findFirst().orElseThrow();
    assertThat(line)
        .startsWith("journal damaged: first bad entry seq=7 at byte offset " + offset)
        .contains("CORRUPT");

    try (ServeProcess serve = ServeProcess.start(data)) {
      assertThat(serve.port()).isEqualTo(-1);
      assertThat(serve.exitCode()).isEqualTo(1);
      assertThat(serve.output()).contains("refusing to start").contains(line);
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(bytes);
    assertThat(sideFiles(data)).isEmpty();
  }

  @Test
  void serve_recovers_a_torn_tail_with_every_acknowledged_entry_and_keeps_the_cut_bytes()
      throws Exception {
    Path data = market();
    Path journal = journal(data);
    byte[] acknowledged = Files.readAllBytes(journal);
    byte[] torn = tornNextRecord(journal);
    Files.write(journal, torn, StandardOpenOption.APPEND);
    assertThat(JournalFile.verify(journal).tornTail()).isTrue();

    try (ServeProcess serve = ServeProcess.start(data)) {
      assertThat(serve.port()).as(serve.output()).isPositive();
      assertThat(serve.output())
          .contains(
              "a torn tail of " + torn.length + " bytes at byte offset " + acknowledged.length);
      ApiClient reg = client(serve);
      assertThat(reg.get("/api/journal/head").body().path("seq").asLong()).isEqualTo(ENTRIES);
      assertThat(reg.get("/api/accounts?limit=1000").body().path("items")).hasSize(ACCOUNTS);
    }
    Path side = data.resolve("journal.ccj.torn-" + acknowledged.length);
    assertThat(Files.readAllBytes(side)).isEqualTo(torn);
    assertThat(Files.readAllBytes(journal)).startsWith(acknowledged);
    assertThat(JournalFile.verify(journal).intact()).isTrue();
  }

  @Test
  void serve_recovers_a_zero_filled_tail_as_a_power_loss_leaves_it() throws Exception {
    Path data = market();
    Path journal = journal(data);
    byte[] acknowledged = Files.readAllBytes(journal);
    Files.write(journal, new byte[8192], StandardOpenOption.APPEND);

    try (ServeProcess serve = ServeProcess.start(data)) {
      assertThat(serve.port()).as(serve.output()).isPositive();
      assertThat(serve.output()).contains("zero-filled");
      assertThat(client(serve).get("/api/journal/head").body().path("seq").asLong())
          .isEqualTo(ENTRIES);
    }
    assertThat(Files.readAllBytes(data.resolve("journal.ccj.torn-" + acknowledged.length)))
        .isEqualTo(new byte[8192]);
  }

  @Test
  void a_tail_cut_at_a_record_boundary_is_caught_against_the_checkpoint_by_verify_and_serve()
      throws Exception {
    Path data = market();
    Path journal = journal(data);
    byte[] bytes = Files.readAllBytes(journal);
    List<Long> offsets = offsets(bytes);
    truncate(journal, offsets.get(ENTRIES - 3));
    byte[] cut = Files.readAllBytes(journal);
    assertThat(JournalFile.verify(journal).intact()).as("the file alone looks fine").isTrue();

    CliRun verify = CliRun.of("journal", "verify", journal.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    String line = verify.out().lines().findFirst().orElseThrow();
    assertThat(line)
        .contains("first bad entry seq=" + (ENTRIES - 2))
        .contains("TAIL_MISSING")
        .contains("entries " + (ENTRIES - 2) + ".." + ENTRIES + " are missing");

    try (ServeProcess serve = ServeProcess.start(data)) {
      assertThat(serve.exitCode()).isEqualTo(1);
      assertThat(serve.output()).contains(line);
    }
    assertThat(Files.readAllBytes(journal)).isEqualTo(cut);
  }

  @Test
  void a_rewritten_last_entry_is_caught_by_an_expected_head_and_by_the_checkpoint()
      throws Exception {
    Path data = market();
    Path journal = journal(data);
    String head = CanonicalWriter.hex(JournalFile.verify(journal).headHash());
    CliRun before = CliRun.of("journal", "verify", journal.toString());
    assertThat(before.exitCode()).as(before.out()).isZero();
    assertThat(before.out()).contains("agrees with").contains("signed checkpoints");

    rewriteLastEntry(journal);
    assertThat(JournalFile.verify(journal).intact()).as("the file alone looks fine").isTrue();
    Path checkpoints = data.resolve("journal.ccj.checkpoints");
    Path elsewhere = dir.resolve("kept-elsewhere.checkpoints");
    Files.move(checkpoints, elsewhere);

    CliRun alone = CliRun.of("journal", "verify", journal.toString());
    assertThat(alone.exitCode()).isZero();
    assertThat(alone.out()).contains("would not show");
    CliRun expected =
        CliRun.of("journal", "verify", journal.toString(), "--expect-head", head + "@" + ENTRIES);
    assertThat(expected.exitCode()).isEqualTo(1);
    assertThat(expected.out()).contains("seq=" + ENTRIES).contains("REWRITTEN");
    CliRun unsequenced = CliRun.of("journal", "verify", journal.toString(), "--expect-head", head);
    assertThat(unsequenced.out()).contains("HEAD_NOT_FOUND");
    CliRun signed =
        CliRun.of("journal", "verify", journal.toString(), "--checkpoints", elsewhere.toString());
    assertThat(signed.exitCode()).isEqualTo(1);
    assertThat(signed.out()).contains("REWRITTEN").contains("the checkpoint of");

    Files.move(elsewhere, checkpoints);
    try (ServeProcess serve = ServeProcess.start(data)) {
      assertThat(serve.exitCode()).isEqualTo(1);
      assertThat(serve.output()).contains("REWRITTEN");
    }
  }

  @Test
  void the_journal_checkpoints_and_key_are_readable_by_their_owner_only() throws Exception {
    Path data = template();
    Set<PosixFilePermission> ownerOnly =
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    for (String name : List.of("journal.ccj", "journal.ccj.checkpoints", "server-key")) {
      assertThat(Files.getPosixFilePermissions(data.resolve(name))).as(name).isEqualTo(ownerOnly);
    }
    assertThat(Files.getPosixFilePermissions(data))
        .isEqualTo(
            Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
  }

  @Test
  void verify_refuses_a_malformed_expected_head_naming_the_option() throws Exception {
    Path data = market();
    CliRun run = CliRun.of("journal", "verify", journal(data).toString(), "--expect-head", "abc");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--expect-head abc: a head hash is 64 hex digits");
  }

  /** The first half of the record a next entry would add: what a crash mid-write leaves. */
  private byte[] tornNextRecord(Path journal) throws IOException {
    Path copy = dir.resolve("copy.ccj");
    Files.copy(journal, copy);
    long before = Files.size(copy);
    try (FileJournal j = FileJournal.open(copy)) {
      j.append(Long.MAX_VALUE / 2, new byte[200]);
    }
    byte[] all = Files.readAllBytes(copy);
    int whole = (int) (all.length - before);
    return Arrays.copyOfRange(all, (int) before, (int) before + whole / 2);
  }

  /** Edits the last entry's command and recomputes its hash and checksum, as a forger would. */
  private static void rewriteLastEntry(Path journal) throws IOException {
    byte[] all = Files.readAllBytes(journal);
    List<Long> offsets = offsets(all);
    int at = (int) (long) offsets.get(offsets.size() - 1);
    int length = ByteBuffer.wrap(all, at, 4).getInt();
    int body = at + 4;
    int fixed = 8 + 8 + 32 + 32;
    all[body + fixed + 3] ^= 1;
    ByteBuffer b = ByteBuffer.wrap(all);
    JournalEntry forged =
        JournalEntry.next(
            b.getLong(body),
            b.getLong(body + 8),
            Arrays.copyOfRange(all, body + 16, body + 48),
            Arrays.copyOfRange(all, body + fixed, body + length),
            JournalEntry.sha256());
    System.arraycopy(forged.hash(), 0, all, body + 48, 32);
    CRC32C crc = new CRC32C();
    crc.update(all, at, 4 + length);
    b.putInt(at + 4 + length, (int) crc.getValue());
    Files.write(journal, all);
  }

  /** The byte offset of every record (entry seq k at index k - 1). */
  private static List<Long> offsets(byte[] all) {
    List<Long> out = new ArrayList<>();
    int at = 8;
    while (at + 4 <= all.length) {
      out.add((long) at);
      at += 4 + ByteBuffer.wrap(all, at, 4).getInt() + 4;
    }
    return out;
  }

  private static void truncate(Path p, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  private static List<Path> sideFiles(Path data) throws IOException {
    try (var s = Files.list(data)) {
      return s.filter(f -> f.getFileName().toString().contains(".torn-")).toList();
    }
  }
}
