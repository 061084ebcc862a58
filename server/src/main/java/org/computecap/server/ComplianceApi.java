package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.INSURER_ID;
import static org.computecap.server.ApiFields.MEASURED_QUANTITY;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.PERIOD_FILTER;
import static org.computecap.server.ApiFields.PERIOD_PATH;
import static org.computecap.server.ApiFields.QUANTITY;
import static org.computecap.server.ApiFields.SIGNAL;
import static org.computecap.server.ApiFields.WORKLOAD;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.ChargeInsurancePremium;
import org.computecap.engine.command.ClosePeriod;
import org.computecap.engine.command.PayOutstandingPenalty;
import org.computecap.engine.command.RecordAuditFinding;
import org.computecap.engine.command.RecordEvaluation;
import org.computecap.engine.command.RecordInsurerEvaluation;
import org.computecap.engine.command.RecordMeterReading;
import org.computecap.engine.command.Role;
import org.computecap.engine.command.SubmitReport;
import org.computecap.engine.compliance.AttestedQuantitySettled;
import org.computecap.engine.compliance.CollateralForfeited;
import org.computecap.engine.compliance.ComplianceAssessed;

/**
 * The compliance cycle over HTTP: reports (participants), meter readings, evaluations, audits and
 * period close (regulators), insurance (the participant's appointed insurer), penalties; and the
 * histories and market-wide lists, each paged from its own index.
 */
final class ComplianceApi {
  private static final String TAG = "compliance";

  static final CommandRoute<SubmitReport> REPORT =
      CommandRoute.of(SubmitReport.class, "POST", "/api/reports", Access.ACTOR, "submitReport", TAG)
          .summary("Submit a self-report of covered quantity")
          .body(ACCOUNT_ID, SubmitReport::accountId)
          .body(PERIOD, SubmitReport::period)
          .body(WORKLOAD, SubmitReport::workload)
          .body(QUANTITY, SubmitReport::quantity)
          .actor(ACCOUNT_ID, SubmitReport::accountId)
          .build(
              v ->
                  new SubmitReport(
                      v.get(ACCOUNT_ID), v.get(PERIOD), v.get(WORKLOAD), v.get(QUANTITY)));

  static final CommandRoute<RecordMeterReading> METER_READING =
      CommandRoute.of(
              RecordMeterReading.class,
              "POST",
              "/api/meter-readings",
              Access.REGULATOR,
              "recordMeterReading",
              TAG)
          .summary("Record a meter reading")
          .body(ACCOUNT_ID, RecordMeterReading::accountId)
          .body(PERIOD, RecordMeterReading::period)
          .body(QUANTITY, RecordMeterReading::quantity)
          .build(v -> new RecordMeterReading(v.get(ACCOUNT_ID), v.get(PERIOD), v.get(QUANTITY)));

  static final CommandRoute<RecordEvaluation> EVALUATION =
      CommandRoute.of(
              RecordEvaluation.class,
              "POST",
              "/api/evaluations",
              Access.REGULATOR,
              "recordEvaluation",
              TAG)
          .summary("Record a risk evaluation (one of the program's risk classes: L or H in P2)")
          .body(ACCOUNT_ID, RecordEvaluation::accountId)
          .body(PERIOD, RecordEvaluation::period)
          .body(SIGNAL, RecordEvaluation::signal)
          .build(v -> new RecordEvaluation(v.get(ACCOUNT_ID), v.get(PERIOD), v.get(SIGNAL)));

  static final CommandRoute<RecordInsurerEvaluation> INSURER_EVALUATION =
      CommandRoute.of(
              RecordInsurerEvaluation.class,
              "POST",
              "/api/insurer-evaluations",
              Access.ACTOR,
              "recordInsurerEvaluation",
              TAG)
          .summary("The participant's appointed insurer records its own evaluation")
          .body(INSURER_ID, RecordInsurerEvaluation::insurerId)
          .body(ACCOUNT_ID, RecordInsurerEvaluation::accountId)
          .body(PERIOD, RecordInsurerEvaluation::period)
          .body(SIGNAL, RecordInsurerEvaluation::signal)
          .actor(INSURER_ID, RecordInsurerEvaluation::insurerId)
          .build(
              v ->
                  new RecordInsurerEvaluation(
                      v.get(INSURER_ID), v.get(ACCOUNT_ID), v.get(PERIOD), v.get(SIGNAL)));

  static final CommandRoute<ChargeInsurancePremium> PREMIUM =
      CommandRoute.of(
              ChargeInsurancePremium.class,
              "POST",
              "/api/premiums",
              Access.INSURER_OR_REGULATOR,
              "chargeInsurancePremium",
              TAG)
          .summary(
              "Charge a participant's premium for a period (its appointed insurer or a regulator)")
          .body(ACCOUNT_ID, ChargeInsurancePremium::accountId)
          .body(PERIOD, ChargeInsurancePremium::period)
          .sentBy(c -> CommandRequests.REGULATOR)
          .build(v -> new ChargeInsurancePremium(v.get(ACCOUNT_ID), v.get(PERIOD)));

  static final CommandRoute<ClosePeriod> CLOSE_PERIOD =
      CommandRoute.of(
              ClosePeriod.class,
              "POST",
              "/api/periods/{period}/close",
              Access.REGULATOR,
              "closePeriod",
              TAG)
          .summary("Close the current period: assess, penalize, draw audits, bank or expire")
          .path(PERIOD_PATH, ClosePeriod::period)
          .build(v -> new ClosePeriod(v.get(PERIOD_PATH)));

  static final CommandRoute<RecordAuditFinding> AUDIT_FINDING =
      CommandRoute.of(
              RecordAuditFinding.class,
              "POST",
              "/api/audit-findings",
              Access.AUDITOR_OR_REGULATOR,
              "recordAuditFinding",
              TAG)
          .summary("Record an audit finding (the measured quantity)")
          .body(ACCOUNT_ID, RecordAuditFinding::accountId)
          .body(PERIOD, RecordAuditFinding::period)
          .body(MEASURED_QUANTITY, RecordAuditFinding::measuredQuantity)
          .build(
              v ->
                  new RecordAuditFinding(
                      v.get(ACCOUNT_ID), v.get(PERIOD), v.get(MEASURED_QUANTITY)));

  static final CommandRoute<PayOutstandingPenalty> PAY_PENALTY =
      CommandRoute.of(
              PayOutstandingPenalty.class,
              "POST",
              "/api/accounts/{accountId}/penalty-payments",
              Access.ACTOR,
              "payOutstandingPenalty",
              TAG)
          .summary("Pay outstanding penalties from free cash")
          .path(ACCOUNT, PayOutstandingPenalty::accountId)
          .actor(ACCOUNT, PayOutstandingPenalty::accountId)
          .build(v -> new PayOutstandingPenalty(v.get(ACCOUNT)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(
          REPORT,
          METER_READING,
          EVALUATION,
          INSURER_EVALUATION,
          PREMIUM,
          CLOSE_PERIOD,
          AUDIT_FINDING,
          PAY_PENALTY);

  private final Services s;
  private final ReadModel model;

  ComplianceApi(Services s) {
    this.s = s;
    this.model = s.model();
  }

  List<Route> routes() {
    List<Route> r = new ArrayList<>();
    r.add(REPORT.route(s));
    r.add(
        AccountApi.history(
            s, "/reports", "listReports", TAG, "The account's reports", h -> h.reports));
    r.add(METER_READING.route(s));
    r.add(
        AccountApi.history(
            s,
            "/meter-readings",
            "listMeterReadings",
            TAG,
            "The account's meter readings",
            h -> h.meterReadings));
    r.add(EVALUATION.route(s));
    r.add(INSURER_EVALUATION.routeResolving(s, this::appointed, false));
    r.add(
        AccountApi.history(
            s,
            "/evaluations",
            "listEvaluations",
            TAG,
            "Evaluations of the account (regulator's and insurer's)",
            h -> h.evaluations));
    r.add(PREMIUM.routeResolving(s, this::appointedUnlessRegulator, false));
    r.add(CLOSE_PERIOD.route(s));
    r.add(
        Route.get("/api/compliance")
            .op(
                "listCompliance",
                TAG,
                "Compliance assessments: all for regulators and auditors, one's own otherwise")
            .access(Access.SIGNED_IN)
            .query(PERIOD_FILTER, Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.HistoryRow.class))
            .handle(call -> call.reply(compliance(call))));
    r.add(
        AccountApi.history(
            s,
            "/compliance",
            "listAccountCompliance",
            TAG,
            "The account's compliance assessments",
            h -> h.compliance));
    r.add(
        Route.get("/api/audits")
            .op("listAuditDraws", TAG, "Audit draws per period: audited, dropped, targeted")
            .access(Access.SUPERVISOR)
            .returns(Reply.list(Views.AuditDraw.class))
            .handle(call -> call.reply(List.copyOf(model.auditDraws.values()))));
    r.add(AUDIT_FINDING.route(s));
    r.add(
        AccountApi.history(
            s,
            "/audits",
            "listAuditFindings",
            TAG,
            "Audit findings about the account",
            h -> h.audits));
    r.add(
        Route.get("/api/penalties")
            .op("listPenalties", TAG, "Penalties charged and paid, market-wide")
            .access(Access.SUPERVISOR)
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.HistoryRow.class))
            .handle(
                call ->
                    call.reply(
                        AccountApi.rows(
                            s.json(),
                            model.penalties.page(
                                call.after(), call.limit(), ReadModel.Row::id, x -> true)))));
    r.add(
        AccountApi.history(
            s,
            "/penalties",
            "listAccountPenalties",
            TAG,
            "Penalties charged to and paid by the account",
            h -> h.penalties));
    r.add(PAY_PENALTY.route(s));
    return r;
  }

  private Views.Page<Views.HistoryRow> compliance(Call call) {
    Integer period = call.get(PERIOD_FILTER, null);
    AppendOnlyList<ReadModel.Row> rows;
    if (call.caller().readsEverything()) {
      rows =
          period == null
              ? model.compliance
              : model.complianceByPeriod.getOrDefault(period, new AppendOnlyList<>());
    } else {
      rows = model.histories(call.caller().principal()).compliance;
    }
    return AccountApi.rows(
        s.json(),
        rows.page(
            call.after(),
            call.limit(),
            ReadModel.Row::id,
            row -> period == null || periodOf(row) == period));
  }

  /**
   * The period of a compliance record row: an assessment's, a settlement by attested readings', a
   * forfeiture's; -1 (no period) for collateral posted or returned.
   */
  static int periodOf(ReadModel.Row row) {
    if (row.event() instanceof ComplianceAssessed c) {
      return c.period();
    } else if (row.event() instanceof AttestedQuantitySettled a) {
      return a.period();
    } else if (row.event() instanceof CollateralForfeited f) {
      return f.period();
    }
    return -1;
  }

  /** Malformed before forbidden: an account id below 1 names nobody's account. */
  private static long requireAccountId(long id) {
    if (id < 1) {
      throw ApiException.badRequest("accountId", "accountId must be >= 1, got " + id);
    }
    return id;
  }

  /** An insurer evaluates only the participants that appointed it (or a regulator did). */
  private void appointed(Call call, Values v) {
    long insurer = v.get(INSURER_ID);
    long account = requireAccountId(v.get(ACCOUNT_ID));
    Long appointed = model.insurerOf(account);
    if (appointed == null || appointed != insurer) {
      throw ApiException.forbidden(
          "insurer " + insurer + " is not the appointed insurer of account " + account);
    }
  }

  /** An insurer charges premiums only to the participants that appointed it. */
  private void appointedUnlessRegulator(Call call, Values v) {
    if (call.caller().role() != Role.INSURER) {
      return;
    }
    long account = requireAccountId(v.get(ACCOUNT_ID));
    Long appointed = model.insurerOf(account);
    if (appointed == null || appointed != call.caller().principal()) {
      throw ApiException.forbidden(
          "insurer "
              + call.caller().principal()
              + " is not the appointed insurer of account "
              + account);
    }
  }
}
