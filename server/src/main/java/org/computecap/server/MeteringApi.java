package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.computecap.engine.command.MeterSpec;
import org.computecap.engine.command.RegisterMeter;
import org.computecap.engine.command.ReplaceMeter;
import org.computecap.engine.command.RetireMeter;
import org.computecap.engine.command.SubmitMeterReading;

/**
 * Attested metering over HTTP (issue 17): a regulator registers, retires and replaces meters; the
 * participant (its token; the metering agent sends with it) posts its meters' signed readings,
 * which the engine verifies; the account's readings are listed with its meter readings ({@code GET
 * /api/accounts/{id}/meter-readings}) and its attested totals per period here. A reading whose
 * sequence number the meter already used is refused 409 {@code METER_READING_REPLAYED}: the agent
 * takes that answer to a resend as delivered.
 */
final class MeteringApi {
  private static final String TAG = "metering";

  static final Field<Long> METER = Field.int64("meterId", 1, Long.MAX_VALUE, "the meter");
  static final Field<Long> METER_ID =
      Field.int64("meterId", 1, Long.MAX_VALUE, "the new meter's id");
  static final Field<Long> NEW_METER_ID =
      Field.int64("newMeterId", 1, Long.MAX_VALUE, "the replacing meter's id");
  static final Field<String> PUBLIC_KEY =
      Field.string("publicKey", "the meter's Ed25519 public key, base64 of its X.509 encoding");
  static final Field<String> DESCRIPTION =
      Field.string("description", "the device, for people: 1 to 200 characters");
  static final Field<String> METER_CLASS =
      Field.string("meterClass", "the meter's class: 1 to 64 letters, digits, '_', '.', '-'");
  static final Field<Long> UNCERTAINTY_PPM =
      Field.int64("uncertaintyPpm", 0, 1_000_000, "the class's measurement uncertainty, ppm");
  static final Field<Long> SEQUENCE =
      Field.int64("sequence", "the reading's number; a meter's readings count from 1");
  static final Field<Long> START = Field.int64("intervalStartSeconds", "epoch seconds");
  static final Field<Long> END = Field.int64("intervalEndSeconds", "epoch seconds, after start");
  static final Field<Long> COUNTER_START =
      Field.int64("counterStartJoules", "the energy counter at the start, joules");
  static final Field<Long> COUNTER_END =
      Field.int64("counterEndJoules", "the energy counter at the end, joules");
  static final Field<Long> GFLOP =
      Field.int64("computeGflop", "the compute estimate over the interval, 10^9 FLOP");
  static final Field<String> METHOD =
      Field.string("method", "how the compute was estimated (docs/metering.md)");
  static final Field<String> SIGNATURE =
      Field.string("signature", "the meter's Ed25519 signature of the reading, base64");

  static final CommandRoute<RegisterMeter> REGISTER =
      CommandRoute.of(
              RegisterMeter.class, "POST", "/api/meters", Access.REGULATOR, "registerMeter", TAG)
          .summary(
              "Register a meter (its public key, device, class) bound to a participant account")
          .body(METER_ID, RegisterMeter::meterId)
          .body(ACCOUNT_ID, RegisterMeter::accountId)
          .body(PUBLIC_KEY, c -> c.meter().publicKey())
          .body(DESCRIPTION, c -> c.meter().description())
          .body(METER_CLASS, c -> c.meter().meterClass())
          .body(UNCERTAINTY_PPM, c -> c.meter().uncertaintyPpm())
          .creates()
          .build(
              v ->
                  new RegisterMeter(
                      v.get(METER_ID),
                      v.get(ACCOUNT_ID),
                      new MeterSpec(
                          v.get(PUBLIC_KEY),
                          v.get(DESCRIPTION),
                          v.get(METER_CLASS),
                          v.get(UNCERTAINTY_PPM))));

  static final CommandRoute<RetireMeter> RETIRE =
      CommandRoute.of(
              RetireMeter.class,
              "POST",
              "/api/meters/{meterId}/retirement",
              Access.REGULATOR,
              "retireMeter",
              TAG)
          .summary("Retire a meter: its readings stay counted, it takes no more")
          .path(METER, RetireMeter::meterId)
          .body(LifecycleApi.REASON, RetireMeter::reason)
          .build(v -> new RetireMeter(v.get(METER), v.get(LifecycleApi.REASON)));

  static final CommandRoute<ReplaceMeter> REPLACE =
      CommandRoute.of(
              ReplaceMeter.class,
              "POST",
              "/api/meters/{meterId}/replacement",
              Access.REGULATOR,
              "replaceMeter",
              TAG)
          .summary("Replace a meter by a new one on the same account, which starts where it ended")
          .path(METER, ReplaceMeter::meterId)
          .body(NEW_METER_ID, ReplaceMeter::newMeterId)
          .body(PUBLIC_KEY, c -> c.meter().publicKey())
          .body(DESCRIPTION, c -> c.meter().description())
          .body(METER_CLASS, c -> c.meter().meterClass())
          .body(UNCERTAINTY_PPM, c -> c.meter().uncertaintyPpm())
          .body(LifecycleApi.REASON, ReplaceMeter::reason)
          .build(
              v ->
                  new ReplaceMeter(
                      v.get(METER),
                      v.get(NEW_METER_ID),
                      new MeterSpec(
                          v.get(PUBLIC_KEY),
                          v.get(DESCRIPTION),
                          v.get(METER_CLASS),
                          v.get(UNCERTAINTY_PPM)),
                      v.get(LifecycleApi.REASON)));

  static final CommandRoute<SubmitMeterReading> READING =
      CommandRoute.of(
              SubmitMeterReading.class,
              "POST",
              "/api/meters/{meterId}/readings",
              Access.ACTOR,
              "submitMeterReading",
              TAG)
          .summary("Submit a meter's signed reading for the account it is bound to")
          .path(METER, SubmitMeterReading::meterId)
          .body(ACCOUNT_ID, SubmitMeterReading::accountId)
          .actor(ACCOUNT_ID, SubmitMeterReading::accountId)
          .body(SEQUENCE, SubmitMeterReading::sequence)
          .body(START, SubmitMeterReading::intervalStartSeconds)
          .body(END, SubmitMeterReading::intervalEndSeconds)
          .body(COUNTER_START, SubmitMeterReading::counterStartJoules)
          .body(COUNTER_END, SubmitMeterReading::counterEndJoules)
          .body(GFLOP, SubmitMeterReading::computeGflop)
          .body(METHOD, SubmitMeterReading::method)
          .body(SIGNATURE, SubmitMeterReading::signature)
          .creates()
          .build(
              v ->
                  new SubmitMeterReading(
                      v.get(METER),
                      v.get(ACCOUNT_ID),
                      v.get(SEQUENCE),
                      v.get(START),
                      v.get(END),
                      v.get(COUNTER_START),
                      v.get(COUNTER_END),
                      v.get(GFLOP),
                      v.get(METHOD),
                      v.get(SIGNATURE)));

  static final List<CommandRoute<?>> COMMANDS = List.of(REGISTER, RETIRE, REPLACE, READING);

  private final Services s;

  MeteringApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    List<Route> r = CommandRoute.routes(COMMANDS, s);
    r.add(
        Route.get("/api/accounts/{accountId}/attested")
            .op(
                "listAttestedTotals",
                TAG,
                "The account's attested totals per period: readings, energy (J), compute (GFLOP)")
            .access(Access.READER)
            .path(ACCOUNT)
            .mayNotFind()
            .returns(Reply.of(Views.AttestedTotals.class))
            .handle(
                call -> {
                  AccountApi.readable(call, s.model());
                  ConcurrentSkipListMap<Integer, Views.AttestedPeriod> periods =
                      s.model().attested.get(call.get(ACCOUNT));
                  call.reply(
                      new Views.AttestedTotals(
                          periods == null ? List.of() : List.copyOf(periods.values())));
                }));
    return r;
  }
}
