package org.computecap.engine.script;

import java.util.HashMap;
import java.util.Map;

/**
 * All verbs the script language knows, merged from each feature's {@link ScriptVerbs}. The verbs
 * live in this package, not in the features', because the script language is an adapter: it depends
 * on the features, and no feature depends on it. A verb defined twice is refused at start-up, so
 * features cannot shadow each other's words.
 */
public final class ScriptVocabulary {
  private final Map<String, ScriptVerbs.CommandVerb> commands = new HashMap<>();
  private final Map<String, ScriptVerbs.ExpectVerb> expectations = new HashMap<>();

  /** The vocabulary of every feature. */
  public static ScriptVocabulary standard() {
    ScriptVocabulary v = new ScriptVocabulary();
    v.add(new CoreVerbs());
    // exchange: add its verbs here.
    v.add(new org.computecap.engine.script.ExchangeVerbs());

    // allocation: add its verbs here.
    v.add(new org.computecap.engine.script.AllocationVerbs());

    // auction: add its verbs here.
    v.add(new org.computecap.engine.script.AuctionVerbs());

    // compliance: add its verbs here.
    v.add(new org.computecap.engine.script.ComplianceVerbs());

    // stability reserve: add its verbs here.
    v.add(new org.computecap.engine.script.StabilityVerbs());

    // access: add its verbs here.
    v.add(new org.computecap.engine.script.AccessVerbs());

    // registry controls (issue 15: calendar, lifecycle): add its verbs here.
    v.add(new LifecycleVerbs());

    // representatives: add its verbs here.
    v.add(new org.computecap.engine.script.RepresentativeVerbs(v));

    // serial numbers (issue 15): add their verbs here.
    v.add(new SerialVerbs());

    // metering (issue 17): add its verbs here.
    v.add(new MeteringVerbs());

    return v;
  }

  /** Adds a feature's verbs; throws when a name is taken. */
  public ScriptVocabulary add(ScriptVerbs verbs) {
    verbs
        .commands()
        .forEach(
            (name, verb) -> {
              if (commands.putIfAbsent(name, verb) != null) {
                throw new IllegalArgumentException("script verb defined twice: " + name);
              }
            });
    verbs
        .expectations()
        .forEach(
            (name, verb) -> {
              if (expectations.putIfAbsent(name, verb) != null) {
                throw new IllegalArgumentException("script expectation defined twice: " + name);
              }
            });
    return this;
  }

  ScriptVerbs.CommandVerb command(String name) {
    return commands.get(name);
  }

  ScriptVerbs.ExpectVerb expectation(String name) {
    return expectations.get(name);
  }
}
