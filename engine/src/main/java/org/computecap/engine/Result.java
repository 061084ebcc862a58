package org.computecap.engine;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one command: accepted with the events it caused, or rejected with the rule it broke
 * (and then the state is exactly as before). Exactly one of {@link #events()} (non-empty when
 * accepted) and {@link #rejection()} is meaningful.
 */
public final class Result {
  private final List<Event> events;
  private final Rejection rejection;

  private Result(List<Event> events, Rejection rejection) {
    this.events = events;
    this.rejection = rejection;
  }

  public static Result accepted(List<? extends Event> events) {
    Objects.requireNonNull(events, "events");
    return new Result(List.copyOf(events), null);
  }

  public static Result accepted(Event event) {
    return new Result(List.of(Objects.requireNonNull(event, "event")), null);
  }

  public static Result rejected(Rejection rejection) {
    return new Result(List.of(), Objects.requireNonNull(rejection, "rejection"));
  }

  public boolean isAccepted() {
    return rejection == null;
  }

  /** The events of an accepted command; empty when rejected. */
  public List<Event> events() {
    return events;
  }

  /** The broken rule of a rejected command; null when accepted. */
  public Rejection rejection() {
    return rejection;
  }

  @Override
  public String toString() {
    return isAccepted() ? "OK " + events : "REJECT " + rejection.code();
  }
}
