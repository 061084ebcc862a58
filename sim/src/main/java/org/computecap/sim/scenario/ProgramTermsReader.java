package org.computecap.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.computecap.engine.program.Program;
import org.computecap.engine.program.Scope;
import org.computecap.engine.program.Workload;

/**
 * Reads the {@link ProgramTerms} the agents need from a program tree. It checks only what the
 * simulator relies on (presence and range of those fields); the engine's program loader, which
 * receives the same text in {@code OpenMarket}, validates the whole program.
 */
final class ProgramTermsReader {
  private static final long PPM = 1_000_000L;
  private static final long MAX = 1_000_000_000_000_000L;

  private ProgramTermsReader() {}

  static ProgramTerms read(String source, JsonNode root, Program parsed) {
    Node p = new Node(source, "", root);
    Node periods = p.section("periods");
    Node cap = p.section("cap");
    Node allocation = p.section("allocation");
    Node penalty = p.section("penalty");
    Node audit = p.section("audit");
    Node auction = p.section("auction");
    Node insurance = p.optionalSection("insurance");
    Node exchange = p.optionalSection("exchange");
    int first = (int) periods.whole("first", 0, 100_000, 1L);
    int count = (int) periods.whole("count", 1, 1000, null);
    long start = cap.whole("startPermits", 1, MAX, null);
    long lrf = cap.whole("linearReductionPpm", 0, PPM, null);
    String method = allocation.text("method", null);
    long free = allocation.whole("freeSharePpm", 0, PPM, null);
    // The engine's loader has checked the risk section (alphaPpm, or issue 18's classes): alpha
    // is the highest class's multiplier, which is H's in P2's two-class form.
    Program.Risk classes = parsed.risk();
    long alphaPpm = classes.highestMultiplierPpm();
    double alpha = alphaPpm / (double) PPM;
    boolean unevaluatedHigh =
        classes
            .unevaluatedSignal()
            .equals(classes.classes().get(classes.classes().size() - 1).signal());
    double linear = penalty.whole("linearCentsPerPermit", 0, MAX, null);
    double quadratic = penalty.whole("quadraticCentsPerPermitSquared", 0, MAX, null);
    boolean makeGood = penalty.bool("makeGood", true);
    double rho = audit.whole("probabilityPpm", 0, PPM, null) / (double) PPM;
    long auditCost = audit.whole("auditCostCents", 1, MAX, null);
    long budget = audit.whole("budgetPerPeriodCents", 0, MAX, null);
    double sigma = audit.number("noiseSigma", 0.0, 1e12, 0.0);
    double toleranceSigmas = audit.number("toleranceSigmas", 0.0, 1e6, 0.0);
    long tolerancePpm = audit.whole("tolerancePpm", 0, PPM, 0L);
    boolean banking = p.bool("banking", false);
    long reserve = auction.whole("reservePriceCents", 0, MAX, null);
    long purchaseLimit = auction.whole("purchaseLimitPpm", 1, PPM, PPM);
    long low = insurance.whole("premiumLowCentsPerUnit", 0, MAX, 0L);
    long high = insurance.whole("premiumHighCentsPerUnit", 0, MAX, low);
    List<Program.Premium> table = parsed.insurance().byClass();
    if (!table.isEmpty()) {
      // A premium per class (issue 18): the lowest and the highest class's stand for pi(L), pi(H).
      low = table.get(0).centsPerUnit();
      high = table.get(table.size() - 1).centsPerUnit();
    }
    long tick = exchange.whole("tickCents", 1, 1_000_000_000L, 1L);
    long lot = exchange.whole("lotPermits", 1, 1_000_000_000L, 1L);
    return new ProgramTerms(
        first,
        count,
        start,
        lrf,
        method,
        free,
        alpha,
        alphaPpm,
        unevaluatedHigh,
        linear,
        quadratic,
        makeGood,
        rho,
        auditCost,
        budget,
        sigma,
        toleranceSigmas,
        tolerancePpm,
        banking,
        reserve,
        purchaseLimit,
        low,
        high,
        tick,
        lot,
        parsed.scope() == Scope.TRAINING ? Workload.TRAINING : Workload.INFERENCE,
        parsed.scope(),
        parsed);
  }
}
