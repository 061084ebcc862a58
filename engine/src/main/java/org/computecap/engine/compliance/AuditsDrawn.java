package org.computecap.engine.compliance;

import java.util.List;
import org.computecap.engine.Event;

/**
 * The period's seeded audit lottery: the accounts to be audited, those drawn but dropped for lack
 * of budget, and those whose meter reading raised their probability; all sorted.
 */
public record AuditsDrawn(int period, List<Long> audited, List<Long> dropped, List<Long> targeted)
    implements Event {
  public AuditsDrawn {
    audited = List.copyOf(audited);
    dropped = List.copyOf(dropped);
    targeted = List.copyOf(targeted);
  }
}
