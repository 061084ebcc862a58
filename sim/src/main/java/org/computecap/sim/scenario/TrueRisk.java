package org.computecap.sim.scenario;

/**
 * A developer type's true risk and how noisily the regulator's evaluator sees it (issue 18's finer
 * risk classes), in place of P2's two-signal draw from {@code riskType}. Each period the evaluator
 * scores the developer {@code risk + evaluationNoise·Z} (Z standard normal) and places it in the
 * program's risk class whose multiplier is nearest {@code mu(score)}, {@code mu(r) = lambda_low +
 * (lambda_high - lambda_low)·r} ({@code economics.market.RiskClasses}); the insurer sees the true
 * risk and records its noise-free class. Such a developer chooses no safety effort and never
 * manipulates an evaluation.
 *
 * <p>Invariant (checked by {@link ScenarioLoader}): risk in [0, 1], evaluationNoise in [0, 10], the
 * costs and the damage &gt;= 0 and finite.
 *
 * @param risk the true risk r in [0, 1]
 * @param evaluationNoise sigma, the standard deviation of the evaluator's score
 * @param evaluationCostPerClassCents kappa: evaluating the developer costs {@code kappa·K} cents a
 *     period under a program of K classes (a stated assumption: a test battery per class)
 * @param damageCentsPerUnit the external damage of one unit of its true-risk-weighted compute
 *     ({@code mu(r)} permits' worth of its compute), for welfare net of risk
 */
public record TrueRisk(
    double risk,
    double evaluationNoise,
    double evaluationCostPerClassCents,
    double damageCentsPerUnit) {}
