package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.PERIOD_PATH;
import static org.computecap.server.ApiFields.QUANTITY;

import java.util.ArrayList;
import java.util.List;
import org.computecap.engine.command.ReverseAllocation;
import org.computecap.engine.command.ReverseSurrender;
import org.computecap.engine.command.SetAccountStatus;
import org.computecap.engine.compliance.AuditFindingRecorded;
import org.computecap.engine.compliance.ComplianceAssessed;
import org.computecap.engine.compliance.ComplianceCode;
import org.computecap.engine.compliance.LateSurrenderCredited;
import org.computecap.engine.compliance.ReportSubmitted;
import org.computecap.engine.compliance.SurrenderReversed;
import org.computecap.engine.program.AccountStatus;

/**
 * The registry controls of issue 15 over HTTP: a regulator sets an account's lifecycle status and
 * reverses surrenders and allocations, each with a reason; anyone signed in reads the UK ETS
 * compliance codes of a closed period (supervisors every participant's, others their own). The
 * codes are computed from the events in the read model (the assessment at the close, the reports,
 * audit findings, late surrenders and reversals), with the engine's own rule ({@link
 * ComplianceCode#of}), so they always agree with the engine's read side.
 */
final class LifecycleApi {
  private static final String TAG = "registry controls";

  static final Field<AccountStatus> STATUS =
      Field.enumOf("status", AccountStatus.class, "the account's new lifecycle status");
  static final Field<String> REASON =
      Field.string("reason", "why: 1 to 200 characters, kept in the journal");

  static final CommandRoute<SetAccountStatus> SET_STATUS =
      CommandRoute.of(
              SetAccountStatus.class,
              "POST",
              "/api/accounts/{accountId}/status",
              Access.REGULATOR,
              "setAccountStatus",
              TAG)
          .summary(
              "Set an account OPEN, SUSPENDED (nothing leaves), RESTRICTED (only surrender) or"
                  + " CLOSED (empty, final), with a reason")
          .path(ACCOUNT, SetAccountStatus::accountId)
          .body(STATUS, SetAccountStatus::status)
          .body(REASON, SetAccountStatus::reason)
          .build(v -> new SetAccountStatus(v.get(ACCOUNT), v.get(STATUS), v.get(REASON)));

  static final CommandRoute<ReverseSurrender> REVERSE_SURRENDER =
      CommandRoute.of(
              ReverseSurrender.class,
              "POST",
              "/api/accounts/{accountId}/surrender-reversals",
              Access.REGULATOR,
              "reverseSurrender",
              TAG)
          .summary("Give back surrendered permits; a closed period's assessment is redone")
          .path(ACCOUNT, ReverseSurrender::accountId)
          .body(PERIOD, ReverseSurrender::period)
          .body(QUANTITY, ReverseSurrender::quantity)
          .body(REASON, ReverseSurrender::reason)
          .build(
              v ->
                  new ReverseSurrender(
                      v.get(ACCOUNT), v.get(PERIOD), v.get(QUANTITY), v.get(REASON)));

  static final CommandRoute<ReverseAllocation> REVERSE_ALLOCATION =
      CommandRoute.of(
              ReverseAllocation.class,
              "POST",
              "/api/accounts/{accountId}/allocation-reversals",
              Access.REGULATOR,
              "reverseAllocation",
              TAG)
          .summary("Take back permits of a free allocation (they are cancelled)")
          .path(ACCOUNT, ReverseAllocation::accountId)
          .body(PERIOD, ReverseAllocation::period)
          .body(QUANTITY, ReverseAllocation::quantity)
          .body(REASON, ReverseAllocation::reason)
          .build(
              v ->
                  new ReverseAllocation(
                      v.get(ACCOUNT), v.get(PERIOD), v.get(QUANTITY), v.get(REASON)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(SET_STATUS, REVERSE_SURRENDER, REVERSE_ALLOCATION);

  private final Services s;
  private final ReadModel model;

  LifecycleApi(Services s) {
    this.s = s;
    this.model = s.model();
  }

  List<Route> routes() {
    List<Route> r = CommandRoute.routes(COMMANDS, s);
    r.add(
        Route.get("/api/periods/{period}/compliance-codes")
            .op(
                "listComplianceCodes",
                TAG,
                "UK ETS compliance codes of a closed period: every participant's for regulators"
                    + " and auditors, one's own otherwise")
            .access(Access.SIGNED_IN)
            .path(PERIOD_PATH)
            .query(Call.LIMIT, Call.AFTER)
            .returns(Reply.page(Views.ComplianceCodeRow.class))
            .handle(call -> call.reply(codes(call))));
    return r;
  }

  /** The codes of the assessments of one period, paged by the assessments' row ids. */
  private Views.Page<Views.ComplianceCodeRow> codes(Call call) {
    int period = call.get(PERIOD_PATH);
    AppendOnlyList<ReadModel.Row> rows =
        call.caller().readsEverything()
            ? model.complianceByPeriod.getOrDefault(period, new AppendOnlyList<>())
            : model.histories(call.caller().principal()).compliance;
    AppendOnlyList.Slice<ReadModel.Row> slice =
        rows.page(
            call.after(),
            call.limit(),
            ReadModel.Row::id,
            row -> row.event() instanceof ComplianceAssessed c && c.period() == period);
    List<Views.ComplianceCodeRow> out = new ArrayList<>();
    for (ReadModel.Row row : slice.items()) {
      out.add(codeRow(model, (ComplianceAssessed) row.event()));
    }
    Long next = slice.more() && !out.isEmpty() ? slice.items().get(out.size() - 1).id() : null;
    return new Views.Page<>(out, next);
  }

  /**
   * One participant's code, from its assessment and its history rows of that period; the public
   * reports' status column reads it too ({@code PublicReportApi.complianceStatus}).
   */
  static Views.ComplianceCodeRow codeRow(ReadModel model, ComplianceAssessed a) {
    ReadModel.Histories h = model.histories(a.accountId());
    boolean reported = false;
    for (int i = 0; i < h.reports.size(); i++) {
      reported |= ((ReportSubmitted) h.reports.get(i).event()).period() == a.period();
    }
    long audit = 0;
    for (int i = 0; i < h.audits.size(); i++) {
      AuditFindingRecorded f = (AuditFindingRecorded) h.audits.get(i).event();
      audit += f.period() == a.period() ? f.additionalShortfallPermits() : 0;
    }
    long late = 0;
    long surrendered = a.surrenderedPermits();
    long shortfall = a.shortfallPermits();
    for (int i = 0; i < h.surrenders.size(); i++) {
      Object e = h.surrenders.get(i).event();
      if (e instanceof LateSurrenderCredited c && c.period() == a.period()) {
        late += c.quantity();
      } else if (e instanceof SurrenderReversed r && r.period() == a.period()) {
        late -= r.reversedLatePermits();
        surrendered -= r.reversedAssessedPermits();
        shortfall += r.additionalShortfallPermits();
      }
    }
    return new Views.ComplianceCodeRow(
        a.accountId(),
        a.period(),
        ComplianceCode.of(reported, shortfall, audit),
        reported,
        a.obligationPermits(),
        surrendered,
        late,
        shortfall,
        audit);
  }
}
