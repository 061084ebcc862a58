package org.computecap.engine.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.computecap.engine.Engine;
import org.computecap.engine.Event;
import org.computecap.engine.ProgramParser;
import org.computecap.engine.Result;
import org.computecap.engine.Snapshot;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandCodec;
import org.computecap.engine.command.DepositCash;
import org.computecap.engine.command.InvalidFieldException;
import org.computecap.engine.command.IssuePermits;
import org.computecap.engine.command.MeterSignatures;
import org.computecap.engine.command.MeterSpec;
import org.computecap.engine.command.OpenAccount;
import org.computecap.engine.command.OpenMarket;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitMeterReading;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.compliance.AttestedQuantitySettled;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.program.ProgramLoader;
import org.computecap.engine.program.Workload;
import org.computecap.engine.script.ScriptMeterKeys;
import org.junit.jupiter.api.Test;

/** Attested metering's commands (issue 17) beyond what the scenario scripts show. */
class MeteringCommandsTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts");
  private static final CommandCodec CODEC = CommandCodec.standard();
  private static final KeyPair ALICE = ScriptMeterKeys.pair("alice");

  static String program(String file) throws IOException {
    return Files.readString(SCRIPTS.resolve(file), StandardCharsets.UTF_8);
  }

  static MeterSpec spec(KeyPair key) {
    return new MeterSpec(MeterSignatures.encode(key.getPublic()), "rack 7", "NVML-H100", 20_000);
  }

  static SubmitMeterReading reading(
      KeyPair key, long meter, long account, long seq, long start, long end, long c0, long c1) {
    SubmitMeterReading unsigned =
        new SubmitMeterReading(
            meter,
            account,
            seq,
            start,
            end,
            c0,
            c1,
            7,
            "epoch-hardware",
            SubmitMeterReading.UNSIGNED);
    return unsigned.withSignature(MeterSignatures.sign(key.getPrivate(), unsigned.signedBytes()));
  }

  private static Engine open(String programFile, long... participants) throws IOException {
    Engine e = new Engine(ProgramParser.standard());
    apply(e, new OpenMarket(program(programFile), 17));
    for (long p : participants) {
      apply(e, new OpenAccount(p, "p" + p, Role.PARTICIPANT));
    }
    return e;
  }

  private static List<Event> apply(Engine e, Command c) {
    Result r = e.apply(e.state().lastTick() + 1, CODEC.decode(CODEC.encode(c)));
    e.checkInvariants();
    assertThat(r.isAccepted()).as("%s: %s", c, r).isTrue();
    return r.events();
  }

  @Test
  void every_metering_command_survives_a_round_trip_through_the_codec() {
    List<Command> examples =
        List.of(
            new RegisterMeter(3, 4, spec(ALICE)),
            new RetireMeter(3, "decommissioned"),
            new ReplaceMeter(3, 5, spec(ScriptMeterKeys.pair("bob")), "new GPU"),
            reading(ALICE, 3, 4, 1, 0, 60, 10, 20));
    for (Command c : examples) {
      assertThat(CODEC.decode(CODEC.encode(c))).isEqualTo(c);
    }
  }

  @Test
  void the_signed_bytes_follow_the_documented_layout() {
    SubmitMeterReading r =
        new SubmitMeterReading(1, 2, 3, 4, 5, 6, 7, 8, "m", SubmitMeterReading.UNSIGNED);
    String hex = HexFormat.of().formatHex(r.signedBytes());
    String prefix =
        HexFormat.of().formatHex("computecap-meter-reading-v1".getBytes(StandardCharsets.US_ASCII));
    StringBuilder expected = new StringBuilder(prefix).append("00");
    for (int i = 1; i <= 8; i++) {
      expected.append(String.format("%016x", i));
    }
    expected.append("0001").append("6d");
    assertThat(hex).isEqualTo(expected.toString());
  }

  @Test
  void a_public_key_in_another_form_is_malformed_naming_the_field() {
    assertThatThrownBy(() -> new MeterSpec("not-base64!", "d", "C", 0))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("publicKey");
    String rsaLike = java.util.Base64.getEncoder().encodeToString(new byte[44]);
    assertThatThrownBy(() -> new MeterSpec(rsaLike, "d", "C", 0))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("Ed25519");
  }

  @Test
  void the_metering_section_is_validated_naming_the_field() throws IOException {
    String yaml = program("metering-program.yaml");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse("p.yaml", yaml.replace("unitJoules: 3600000", "unitJoules: 0")))
        .hasMessageContaining("metering.unitJoules: 0 is below 1");
    assertThatThrownBy(
            () ->
                ProgramLoader.parse(
                    "p.yaml", yaml.replace("attested: SETTLES", "attested: ALWAYS")))
        .hasMessageContaining("metering.attested")
        .hasMessageContaining("SETTLES, AUDIT_SIGNAL, OFF");
    assertThatThrownBy(() -> ProgramLoader.parse("p.yaml", yaml.replace("unitJoules", "unitGflop")))
        .hasMessageContaining("metering.unitJoules");
  }

  @Test
  void a_metered_market_restored_from_a_snapshot_has_its_hash_and_continues_the_same()
      throws IOException {
    Engine e = open("metering-program.yaml", 1, 2);
    apply(e, new RegisterMeter(1, 1, spec(ALICE)));
    apply(e, reading(ALICE, 1, 1, 1, 0, 60, 0, 3_600_000));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.write(e, new byte[32], out);
    Engine restored =
        Snapshot.read(new ByteArrayInputStream(out.toByteArray()), ProgramParser.standard())
            .engine();
    assertThat(restored.stateHash()).isEqualTo(e.stateHash());
    Command next = reading(ALICE, 1, 1, 2, 60, 120, 3_600_000, 7_200_000);
    Command replay = reading(ALICE, 1, 1, 1, 0, 60, 0, 3_600_000);
    for (Command c : List.of(replay, next)) {
      Result a = e.apply(10, c);
      Result b = restored.apply(10, c);
      assertThat(b.toString()).isEqualTo(a.toString());
    }
    assertThat(e.state().feature(MeteringState.class).attested(1, 1).energyJoules())
        .isEqualTo(7_200_000);
    assertThat(restored.stateHash()).isEqualTo(e.stateHash());
  }

  @Test
  void an_audit_finding_shows_the_report_the_attested_figure_and_the_audited_truth()
      throws IOException {
    Engine e = open("metering-signal-program.yaml", 1);
    apply(e, new RegisterMeter(1, 1, spec(ALICE)));
    // 360,000,000 J = 100 kWh attested; the participant reports 50 and the audit measures 97.
    apply(e, reading(ALICE, 1, 1, 1, 0, 3_600, 0, 360_000_000));
    apply(e, new SubmitReport(1, 1, Workload.TRAINING, 50));
    apply(e, new ClosePeriod(1));
    AuditFindingRecorded f =
        apply(e, new RecordAuditFinding(1, 1, 97)).stream()
            .filter(AuditFindingRecorded.class::isInstance)
            .map(AuditFindingRecorded.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(f.reportedQuantity()).isEqualTo(50);
    assertThat(f.attestedQuantity()).isEqualTo(100);
    assertThat(f.measuredQuantity()).isEqualTo(97);
    assertThat(f.additionalShortfallPermits()).isEqualTo(47);
  }

  @Test
  void attested_readings_that_settle_raise_the_obligation_so_far_and_say_so_at_the_close()
      throws IOException {
    Engine e = open("metering-program.yaml", 1);
    apply(e, new DepositCash(1, 1_000_000));
    apply(e, new IssuePermits(1, 1, 500));
    apply(e, new RegisterMeter(1, 1, spec(ALICE)));
    apply(e, new SubmitReport(1, 1, Workload.TRAINING, 10));
    assertThat(e.state().obligationSoFar(1, 1)).isEqualTo(10);
    apply(e, reading(ALICE, 1, 1, 1, 0, 3_600, 0, 360_000_000));
    // 100 kWh less 2%: 98 kWh is the least the obligation is on now.
    assertThat(e.state().obligationSoFar(1, 1)).isEqualTo(98);
    List<Event> closed = apply(e, new ClosePeriod(1));
    assertThat(closed).contains(new AttestedQuantitySettled(1, 1, 10, 98));
  }

  @Test
  void a_rejected_reading_changes_nothing() throws IOException {
    Engine e = open("metering-program.yaml", 1);
    apply(e, new RegisterMeter(1, 1, spec(ALICE)));
    apply(e, reading(ALICE, 1, 1, 1, 0, 60, 0, 10));
    byte[] before = meteringBytes(e);
    for (Command bad :
        List.of(
            reading(ScriptMeterKeys.pair("mallory"), 1, 1, 2, 60, 120, 10, 20),
            reading(ALICE, 1, 1, 3, 60, 120, 10, 20),
            reading(ALICE, 1, 1, 2, 50, 120, 10, 20),
            reading(ALICE, 1, 1, 2, 60, 120, 9, 20))) {
      assertThat(e.apply(5, bad).isAccepted()).isFalse();
      assertThat(meteringBytes(e)).isEqualTo(before);
    }
  }

  private static byte[] meteringBytes(Engine e) {
    org.computecap.engine.CanonicalWriter w = new org.computecap.engine.CanonicalWriter();
    e.state().feature(MeteringState.class).writeCanonical(w);
    return w.finish();
  }
}
