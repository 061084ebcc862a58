package org.computecap.economics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoisyAuditTest {

  @Test
  void gaussian_noise_doubles_the_required_audit_probability() {
    // p = 3, linear = 6: perfect audits need 3/6 = 0.5, Gaussian ones 2·3/6 = 1.
    double rho = NoisyAudit.minimumAuditProbability(3.0, 6.0, 1.0, DetectionFunction.gaussian(1.0));
    assertThat(rho).isCloseTo(1.0, within(1e-12));
    assertThat(NoisyAudit.minimumAuditProbability(3.0, 6.0, 1.0, 0.5))
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void perfect_detection_gives_back_rho_star() {
    double rho = NoisyAudit.minimumAuditProbability(3.0, 6.0, 1.0, DetectionFunction.perfect());
    assertThat(rho).isCloseTo(AuditDesign.rhoStar(3.0, 6.0), within(1e-15));
  }

  @Test
  void gaussian_detection_is_one_half_at_zero_and_rises_to_one() {
    DetectionFunction d = DetectionFunction.gaussian(2.0);
    assertThat(d.probability(0.0)).isEqualTo(0.5);
    // D = 2 = sigma: Phi(1) = 0.8413447460685429.
    assertThat(d.probability(2.0)).isCloseTo(0.8413447460685429, within(1e-15));
    assertThat(d.probability(100.0)).isEqualTo(1.0);
  }

  @Test
  void a_detection_blind_spot_away_from_zero_is_found() {
    // d(D) = 1 - exp(-(D-5)^2)/2 dips to 1/2 at D = 5; phi = D + 0.1 D^2, p = 1. The
    // required rho 1/(d(D)(1 + 0.1 D)) peaks at D = 4.9665 with 1.3348206138391776
    // (dense grid of 2·10^6 points in numpy), well above the D -> 0 value of 1.
    DetectionFunction blindSpot =
        shortfall -> 1.0 - 0.5 * Math.exp(-(shortfall - 5.0) * (shortfall - 5.0));
    double rho = NoisyAudit.minimumAuditProbability(1.0, 1.0, 0.1, blindSpot);
    assertThat(rho).isCloseTo(1.3348206138391776, within(1e-9));
  }

  @Test
  void undetectable_shortfalls_need_an_infinite_audit_probability() {
    DetectionFunction blind = shortfall -> shortfall < 1.0 ? 0.0 : 1.0;
    assertThat(NoisyAudit.minimumAuditProbability(1.0, 1.0, 0.0, blind))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(NoisyAudit.minimumAuditProbability(0.0, 1.0, 0.0, blind)).isZero();
  }

  @Test
  void a_detection_function_returning_no_probability_is_rejected() {
    assertThatThrownBy(() -> NoisyAudit.minimumAuditProbability(1.0, 1.0, 0.0, d -> 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("detection probability");
    assertThatThrownBy(() -> DetectionFunction.gaussian(0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigma");
  }
}
