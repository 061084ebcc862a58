// Prices vs quantities (docs/research.md): the theory beside the experiment's runs, and the
// figures, drawn by the project's chart stack (module figures) from runs.csv. Run after the
// experiment, from the repository root:
//   ./computecap experiment examples/experiments/prices-vs-quantities.yaml
//   RUNS=out/experiments/prices-vs-quantities/runs.csv \
//     jshell --class-path cli/target/computecap.jar docs/research/prices-vs-quantities/theory-and-figures.jsh
// It reads the population, the instruments and the damage levels from the experiment file's cells
// (edit the file, rerun both). It prints the library's tax and |B''| for the scenario and, per
// damage level and instrument, the theory's expectation (Instruments.expected
// over the random walk's periods), the theory at each run's own demand shocks
// (Instruments.realised), the simulated mean with its 95% Student-t interval, and the paired
// differences against the cap; and writes three figures into docs/research/prices-vs-quantities.
import java.nio.file.*;
import org.computecap.economics.instruments.*;
import org.computecap.economics.instruments.Instruments.*;
import org.computecap.economics.market.*;
import org.computecap.figures.*;

String runsPath = System.getenv().getOrDefault("RUNS", "out/experiments/prices-vs-quantities/runs.csv");
Path outDir = Path.of("docs/research/prices-vs-quantities");
// The experiment's cells, read from its file: each cell's scenario gives the population, the
// instrument (reserve price and ceiling) and the damage, as PricesVsQuantitiesTest reads them.
var experiment = org.computecap.sim.experiment.ExperimentLoader.load(Path.of("examples/experiments/prices-vs-quantities.yaml"));
org.computecap.sim.scenario.Scenario scenarioOf(String instrument, String damage) {
  for (var c : experiment.cells()) if (c.values().get(0).asText().equals(instrument) && c.values().get(1).asText().equals(damage)) return experiment.tree(c).scenario();
  throw new IllegalArgumentException("no cell " + instrument + "/" + damage);
}
var first = scenarioOf("cap", "flat");
var builder = Population.builder();
for (var type : first.developers()) for (int i = 0; i < type.count(); i++) builder.add(type.benefit(), type.theta(), type.beta(), type.k(), type.a(), type.permitsPerUnit());
Population pop = builder.build();
double q = first.program().capPermits(1), cpu = first.market().centsPerUtil();
double sigma2 = first.demand().sigma() * first.demand().sigma();
int periods = first.periods();
double t = Instruments.taxForExpectedQuantity(pop, (periods - 1) * sigma2, q);
double bSlope = Instruments.linearised(pop, 0, q, Damage.NONE).b();
System.out.printf("tax with the cap's expected quantity: %.4f cents; |B''| at the cap: %.6f cents a permit a permit%n", t * cpu, bSlope * cpu);
String[] damages = {"flat", "equal-slopes", "steep"};
String[] instruments = {"cap", "tax", "hybrid"};
Instrument instrumentOf(org.computecap.sim.scenario.Scenario s) {
  double floor = s.program().reservePriceCents(1) / cpu;
  double top = s.program().program().priceControls().ceiling().isOn() ? s.program().program().priceCeilingCents(1) / cpu : Double.POSITIVE_INFINITY;
  return floor == top ? Instrument.tax(floor) : Instrument.hybrid(q, floor, top);
}
Instrument[] xs = new Instrument[3];
for (int x = 0; x < 3; x++) xs[x] = instrumentOf(scenarioOf(instruments[x], "flat"));
Damage damageOf(int d) { var s = scenarioOf("cap", damages[d]); return new Damage(s.damage().centsPerPermit() / cpu, s.damage().slopeCentsPerPermitSquared() / cpu); }

// runs.csv: social welfare by (instrument, damage, replication, period), and the shock.
List<String> lines = Files.readAllLines(Path.of(runsPath));
List<String> header = List.of(lines.get(0).split(","));
int iInst = header.indexOf("instrument"), iDmg = header.indexOf("damage"), iRep = header.indexOf("replication"), iPer = header.indexOf("period");
int iSw = header.indexOf("social_welfare_utils"), iQ = header.indexOf("used_permits"), iP = header.indexOf("clearing_price_cents"), iM = header.indexOf("demand_multiplier_ratio");
int reps = 0;
for (String l : lines.subList(1, lines.size())) reps = Math.max(reps, Integer.parseInt(l.split(",")[iRep]) + 1);
double[][][] sim = new double[3][3][reps];      // run means of social welfare
double[][][] realised = new double[3][3][reps]; // the theory at the run's shocks
double[][][] qBy = new double[3][periods][reps];  // used permits (flat damage; the same in every level)
double[][][] pBy = new double[3][periods][reps];
for (String l : lines.subList(1, lines.size())) {
  String[] f = l.split(",");
  int x = List.of(instruments).indexOf(f[iInst]), d = List.of(damages).indexOf(f[iDmg]);
  int r = Integer.parseInt(f[iRep]), p = Integer.parseInt(f[iPer]);
  sim[x][d][r] += Double.parseDouble(f[iSw]) / periods;
  realised[x][d][r] += Instruments.realised(pop, Double.parseDouble(f[iM]), xs[x], damageOf(d)).welfare() / periods;
  if (d == 0) { qBy[x][p - 1][r] = Double.parseDouble(f[iQ]); pBy[x][p - 1][r] = Double.parseDouble(f[iP]); }
}
double mean(double[] v) { double s = 0; for (double a : v) s += a; return s / v.length; }
double sd(double[] v) { double m = mean(v), s = 0; for (double a : v) s += (a - m) * (a - m); return Math.sqrt(s / (v.length - 1)); }
double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093};
double half(double[] v) { return T975[v.length - 2] * sd(v) / Math.sqrt(v.length); }
double[] minus(double[] a, double[] b) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i] - b[i]; return o; }
// The theory's expectation of each cell, over the random walk's periods.
Outcome[][][] theory = new Outcome[3][3][periods];
for (int x = 0; x < 3; x++) for (int d = 0; d < 3; d++) for (int p = 0; p < periods; p++) theory[x][d][p] = Instruments.expected(pop, p * sigma2, xs[x], damageOf(d));
double expectedSocial(int x, int d) { double s = 0; for (Outcome o : theory[x][d]) s += o.welfare(); return s / periods; }
double linearDelta(int d) { double s = 0; for (int p = 0; p < periods; p++) s += Instruments.linearised(pop, p * sigma2, q, damageOf(d)).advantage(); return s / periods; }
System.out.println("damage | instrument | social welfare: theory E | theory at the runs' shocks | simulated mean ± 95%");
for (int d = 0; d < 3; d++) for (int x = 0; x < 3; x++)
  System.out.printf("%s | %s | %.1f | %.1f | %.1f ± %.1f%n", damages[d], instruments[x], expectedSocial(x, d), mean(realised[x][d]), mean(sim[x][d]), half(sim[x][d]));
System.out.println("damage | difference | Weitzman's linear Delta | theory E | theory at the runs' shocks | simulated mean ± 95% | runs on the side of theory E (equal: no difference)");
for (int d = 0; d < 3; d++) for (int x = 1; x < 3; x++) {
  double[] diff = minus(sim[x][d], sim[0][d]);
  double e = expectedSocial(x, d) - expectedSocial(0, d);
  int agree = 0, ties = 0; for (double v : diff) { if (Math.abs(v) < 1e-6) ties++; else agree += Math.signum(v) == Math.signum(e) ? 1 : 0; }
  System.out.printf("%s | %s - cap | %s | %.1f | %.1f | %.1f ± %.1f | %d of %d (%d equal)%n", damages[d], instruments[x], x == 1 ? String.format("%.1f", linearDelta(d)) : "", e, mean(minus(realised[x][d], realised[0][d])), mean(diff), half(diff), agree, diff.length, ties);
}
System.out.println("instrument | period | sd of used permits: theory, simulated | sd of price (cents): theory, simulated");
for (int x = 0; x < 3; x++) for (int p = 0; p < periods; p++)
  System.out.printf("%s | %d | %.0f | %.0f | %.0f | %.0f%n", instruments[x], p + 1, Math.sqrt(Math.max(0, theory[x][0][p].quantityVariance())), sd(qBy[x][p]), Math.sqrt(Math.max(0, theory[x][0][p].priceVariance())) * cpu, sd(pBy[x][p]));

// Figure 1: each instrument's gain over the cap against the damage slope.
double[] slopes = new double[3];
for (int d = 0; d < 3; d++) slopes[d] = damageOf(d).slope() / bSlope;
var gain = LineChart.of("Welfare less damage, gain over the cap (" + reps + " runs, common shocks)", Axis.of("slope of marginal damage", "multiples of |B''|"), Axis.of("gain over the cap", "utility"));
String[] names = {"", "tax", "hybrid"};
for (int x = 1; x < 3; x++) {
  double[] m = new double[3], lo = new double[3], hi = new double[3], e = new double[3];
  for (int d = 0; d < 3; d++) { double[] diff = minus(sim[x][d], sim[0][d]); m[d] = mean(diff); lo[d] = m[d] - half(diff); hi[d] = m[d] + half(diff); e[d] = expectedSocial(x, d) - expectedSocial(0, d); }
  gain = gain.line(names[x] + " - cap, simulated", slopes, m).band(names[x] + " - cap, 95% interval", slopes, lo, hi).dashed(names[x] + " - cap, theory (expected)", slopes, e);
}
double[] lin = new double[3]; for (int d = 0; d < 3; d++) lin[d] = linearDelta(d);
gain.dashed("Weitzman's Delta (linearised)", slopes, lin).figure().write(outDir, "gain-over-cap");
// Figures 2 and 3: the spread of the quantity and of the price over the runs, by period.
double[] per = new double[periods];
for (int p = 0; p < periods; p++) per[p] = p + 1;
var qChart = LineChart.of("Covered quantity used: standard deviation over runs", Axis.period(), Axis.of("standard deviation of compute", "permits"));
var pChart = LineChart.of("Permit price: standard deviation over runs", Axis.period(), Axis.dollars("standard deviation of price", "permit"));
for (int x = 0; x < 3; x++) {
  double[] sq = new double[periods], tq = new double[periods], sp = new double[periods], tp = new double[periods];
  for (int p = 0; p < periods; p++) { sq[p] = sd(qBy[x][p]); tq[p] = Math.sqrt(Math.max(0, theory[x][0][p].quantityVariance())); sp[p] = sd(pBy[x][p]) / 100; tp[p] = Math.sqrt(Math.max(0, theory[x][0][p].priceVariance())) * cpu / 100; }
  qChart = qChart.line(instruments[x] + ", simulated", per, sq).dashed(instruments[x] + ", theory", per, tq);
  pChart = pChart.line(instruments[x] + ", simulated", per, sp).dashed(instruments[x] + ", theory", per, tp);
}
qChart.figure().write(outDir, "quantity-spread");
pChart.figure().write(outDir, "price-spread");
System.out.println("figures written to " + outDir);
/exit
