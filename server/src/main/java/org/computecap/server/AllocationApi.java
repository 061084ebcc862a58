package org.computecap.server;

import static org.computecap.server.ApiFields.ACCOUNT;
import static org.computecap.server.ApiFields.ACCOUNT_ID;
import static org.computecap.server.ApiFields.COVERED_QUANTITY;
import static org.computecap.server.ApiFields.FACTOR_PPM;
import static org.computecap.server.ApiFields.OUTPUT_UNITS;
import static org.computecap.server.ApiFields.PERIOD;
import static org.computecap.server.ApiFields.PERIOD_PATH;
import static org.computecap.server.ApiFields.PROJECTED_OUTPUT_UNITS;

import java.util.List;
import org.computecap.engine.command.AllocateFreePermits;
import org.computecap.engine.command.AllocateNewEntrant;
import org.computecap.engine.command.RecordVerifiedActivity;
import org.computecap.engine.command.SetAssistanceFactor;

/** Free allocation over HTTP (regulators only): activity, assistance factors, allocation. */
final class AllocationApi {
  private static final String TAG = "allocation";

  static final CommandRoute<RecordVerifiedActivity> ACTIVITY =
      CommandRoute.of(
              RecordVerifiedActivity.class,
              "POST",
              "/api/activity",
              Access.REGULATOR,
              "recordVerifiedActivity",
              TAG)
          .summary("Record verified activity of a period")
          .body(ACCOUNT_ID, RecordVerifiedActivity::accountId)
          .body(PERIOD, RecordVerifiedActivity::period)
          .body(OUTPUT_UNITS, RecordVerifiedActivity::outputUnits)
          .body(COVERED_QUANTITY, RecordVerifiedActivity::coveredQuantity)
          .build(
              v ->
                  new RecordVerifiedActivity(
                      v.get(ACCOUNT_ID),
                      v.get(PERIOD),
                      v.get(OUTPUT_UNITS),
                      v.get(COVERED_QUANTITY)));

  static final CommandRoute<SetAssistanceFactor> ASSISTANCE_FACTOR =
      CommandRoute.of(
              SetAssistanceFactor.class,
              "POST",
              "/api/accounts/{accountId}/assistance-factor",
              Access.REGULATOR,
              "setAssistanceFactor",
              TAG)
          .summary("Set an assistance factor (ppm)")
          .path(ACCOUNT, SetAssistanceFactor::accountId)
          .body(FACTOR_PPM, SetAssistanceFactor::factorPpm)
          .build(v -> new SetAssistanceFactor(v.get(ACCOUNT), v.get(FACTOR_PPM)));

  static final CommandRoute<AllocateFreePermits> FREE_ALLOCATION =
      CommandRoute.of(
              AllocateFreePermits.class,
              "POST",
              "/api/periods/{period}/free-allocation",
              Access.REGULATOR,
              "allocateFreePermits",
              TAG)
          .summary("Allocate the period's free permits")
          .path(PERIOD_PATH, AllocateFreePermits::period)
          .build(v -> new AllocateFreePermits(v.get(PERIOD_PATH)));

  static final CommandRoute<AllocateNewEntrant> NEW_ENTRANT =
      CommandRoute.of(
              AllocateNewEntrant.class,
              "POST",
              "/api/new-entrants",
              Access.REGULATOR,
              "allocateNewEntrant",
              TAG)
          .summary("Allocate a new entrant from the reserve")
          .body(ACCOUNT_ID, AllocateNewEntrant::accountId)
          .body(PROJECTED_OUTPUT_UNITS, AllocateNewEntrant::projectedOutputUnits)
          .build(v -> new AllocateNewEntrant(v.get(ACCOUNT_ID), v.get(PROJECTED_OUTPUT_UNITS)));

  static final List<CommandRoute<?>> COMMANDS =
      List.of(ACTIVITY, ASSISTANCE_FACTOR, FREE_ALLOCATION, NEW_ENTRANT);

  private final Services s;

  AllocationApi(Services s) {
    this.s = s;
  }

  List<Route> routes() {
    List<Route> r = CommandRoute.routes(COMMANDS, s);
    return r;
  }
}
