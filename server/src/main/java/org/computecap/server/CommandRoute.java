package org.computecap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.computecap.engine.Event;
import org.computecap.engine.command.Command;
import org.computecap.engine.exchange.OrderAccepted;
import org.computecap.engine.exchange.TradeExecuted;

/**
 * The one mapping between an engine command and its HTTP request. Each binding names a {@link
 * Field} of the request (in the path, in the body, or the caller itself) and the command's accessor
 * for it; with the builder that makes the command from the fields, that is enough for both sides:
 * the server reads a request into a command ({@link #route}), and an agent turns a command into the
 * request that carries it ({@link #request}, used by {@link CommandRequests} and {@link
 * HttpReplay}). Commands that carry secrets the server creates (tokens, enrolment codes) have no
 * such mapping: a client cannot make them.
 */
final class CommandRoute<C extends Command> {
  /** Where a command's field comes from in the request. */
  enum From {
    PATH,
    BODY,
    /** The caller's own principal (who acts, e.g. who appoints an insurer). */
    CALLER
  }

  /** A request field and the command accessor that gives its value back. */
  record Binding<C>(Field<?> field, From from, Function<C, Object> getter) {}

  /**
   * Makes the command from the request's values (its constructor checks them: 400 naming the
   * field).
   */
  interface Builder<C> {
    C build(Values v);
  }

  /**
   * Checks, before the command is queued, what only the read model can tell: the owner of the
   * resource acted on (putting it into the values, or 404), an insurer's appointment (403).
   */
  interface Resolver {
    void resolve(Call call, Values v);
  }

  final Class<C> type;
  final String method;
  final String path;
  final Access access;
  final String operationId;
  final String tag;
  final String summary;
  final List<Binding<C>> bindings;
  final Field<Long> actorField;
  final Function<C, Long> actorOf;
  final Builder<C> builder;
  final boolean creates;
  final boolean placesOrder;

  private CommandRoute(Spec<C> s) {
    this.type = s.type;
    this.method = s.method;
    this.path = s.path;
    this.access = s.access;
    this.operationId = s.operationId;
    this.tag = s.tag;
    this.summary = s.summary;
    this.bindings = List.copyOf(s.bindings);
    this.actorField = s.actorField;
    this.actorOf = s.actorOf;
    this.builder = s.builder;
    this.creates = s.creates;
    this.placesOrder = s.placesOrder;
  }

  static <C extends Command> Spec<C> of(
      Class<C> type, String method, String path, Access access, String operationId, String tag) {
    return new Spec<>(type, method, path, access, operationId, tag);
  }

  /** The route that reads this command from HTTP, guards it and submits it. */
  Route route(Services s) {
    return routeResolving(s, null, false);
  }

  /**
   * The route, with a check against the read model before the command is queued; {@code
   * mayNotFind}: the check answers 404 for a resource that is missing or another's.
   */
  Route routeResolving(Services s, Resolver resolver, boolean mayNotFind) {
    List<Field<?>> pathParams = new ArrayList<>();
    List<Field<?>> body = new ArrayList<>();
    for (Binding<C> b : bindings) {
      if (b.from() == From.PATH) {
        pathParams.add(b.field());
      } else if (b.from() == From.BODY) {
        body.add(b.field());
      }
    }
    Route.Builder r =
        switch (method) {
          case "POST" -> Route.post(path);
          case "DELETE" -> Route.delete(path);
          default -> throw new AssertionError(method);
        };
    r.op(operationId, tag, summary)
        .access(access)
        .path(pathParams.toArray(Field<?>[]::new))
        .body(body.toArray(Field<?>[]::new))
        .command()
        .returns(
            creates ? 201 : 200,
            Reply.of(placesOrder ? Views.OrderPlaced.class : Views.CommandResult.class));
    if (mayNotFind) {
      r.mayNotFind();
    }
    return r.handle(call -> handle(s, call, resolver));
  }

  private void handle(Services s, Call call, Resolver resolver) {
    Values v = call.values();
    if (actorField != null) {
      requireActor(call.caller(), actorField.name(), v.get(actorField), access);
    }
    for (Binding<C> b : bindings) {
      if (b.from() == From.CALLER) {
        @SuppressWarnings("unchecked")
        Field<Long> f = (Field<Long>) b.field();
        v.put(f, call.caller().principal());
      }
    }
    if (resolver != null) {
      resolver.resolve(call, v);
    }
    submit(s, call, builder.build(v), placesOrder);
  }

  /**
   * 403 unless the caller acts for {@code accountId} (its holder), or is a regulator where the
   * route allows one. Account ids below 1 name nobody's account: malformed, 400.
   */
  static void requireActor(Caller c, String field, long accountId, Access access) {
    if (accountId < 1) {
      throw ApiException.badRequest(field, field + " must be >= 1, got " + accountId);
    }
    boolean regulatorToo =
        access == Access.ACTOR_OR_REGULATOR || access == Access.INSURER_OR_REGULATOR;
    if (regulatorToo && c.isRegulator()) {
      return;
    }
    if (c.principal() != accountId) {
      throw ApiException.forbidden(
          "account " + c.principal() + " may not act for account " + accountId);
    }
  }

  /**
   * Queues a command and answers when its batch is durable: the route's status with the seq and the
   * events (the new order's id first for an order), 409 with the engine's rejection code, or the
   * error that refused it.
   */
  static void submit(Services s, Call call, Command command, boolean order) {
    call.replyLater(
        s.sequencer().submit(RepresentativesApi.asCaller(call.caller(), command)),
        applied -> {
          if (!applied.result().isAccepted()) {
            String code = applied.result().rejection().code();
            return new Call.Answer(
                409,
                new Views.Error(
                    code,
                    "the engine rejected the command: "
                        + code
                        + " (journal seq "
                        + applied.seq()
                        + ")",
                    null));
          }
          List<Views.EventEnvelope> events = envelopes(s.json(), applied, call.caller());
          Object body = new Views.CommandResult(applied.seq(), events);
          if (order) {
            long orderId = 0;
            for (Event e : applied.result().events()) {
              if (e instanceof OrderAccepted a) {
                orderId = a.orderId();
              }
            }
            body = new Views.OrderPlaced(applied.seq(), orderId, events);
          }
          return new Call.Answer(call.route().status(), body);
        });
  }

  /** The events as {event, data}; a trade's counterparty is hidden from participants. */
  @SuppressWarnings("unchecked")
  static List<Views.EventEnvelope> envelopes(
      ObjectMapper json, Sequencer.Applied applied, Caller caller) {
    List<Views.EventEnvelope> out = new ArrayList<>();
    for (Event e : applied.result().events()) {
      Map<String, Object> data = json.convertValue(e, LinkedHashMap.class);
      if (e instanceof TradeExecuted t && caller != null && !caller.readsEverything()) {
        if (t.buyAccountId() != caller.principal()) {
          data.put("buyAccountId", null);
        }
        if (t.sellAccountId() != caller.principal()) {
          data.put("sellAccountId", null);
        }
      }
      out.add(new Views.EventEnvelope(e.getClass().getSimpleName(), data));
    }
    return out;
  }

  /** A feature's command routes, in order, in a list the feature may add its reads to. */
  static List<Route> routes(List<CommandRoute<?>> commands, Services s) {
    List<Route> r = new ArrayList<>();
    for (CommandRoute<?> c : commands) {
      r.add(c.route(s));
    }
    return r;
  }

  /** The request that carries {@code command}, for an agent (see {@link CommandRequests}). */
  CommandRequests.Request request(Command command) {
    C c = type.cast(command);
    String concrete = path;
    Map<String, Object> body = new LinkedHashMap<>();
    for (Binding<C> b : bindings) {
      Object value = b.getter().apply(c);
      switch (b.from()) {
        case PATH -> concrete = concrete.replace("{" + b.field().name() + "}", value.toString());
        case BODY -> body.put(b.field().name(), b.field().toJson(value));
        case CALLER -> {}
      }
    }
    long actor =
        actorOf != null
            ? actorOf.apply(c)
            // An agent's audit finding is the regulator's, though auditors may record one too.
            : access == Access.REGULATOR || access == Access.AUDITOR_OR_REGULATOR
                ? CommandRequests.REGULATOR
                : CommandRequests.UNKNOWN;
    return new CommandRequests.Request(method, concrete, body.isEmpty() ? null : body, actor);
  }

  /** The declaration of a command route, step by step. */
  static final class Spec<C extends Command> {
    private final Class<C> type;
    private final String method;
    private final String path;
    private final Access access;
    private final String operationId;
    private final String tag;
    private String summary;
    private final List<Binding<C>> bindings = new ArrayList<>();
    private Field<Long> actorField;
    private Function<C, Long> actorOf;
    private boolean creates;
    private boolean placesOrder;
    private Builder<C> builder;

    private Spec(
        Class<C> type, String method, String path, Access access, String operationId, String tag) {
      this.type = type;
      this.method = method;
      this.path = path;
      this.access = access;
      this.operationId = operationId;
      this.tag = tag;
    }

    Spec<C> summary(String summary) {
      this.summary = summary;
      return this;
    }

    <T> Spec<C> path(Field<T> field, Function<C, T> getter) {
      bindings.add(new Binding<>(field, From.PATH, getter::apply));
      return this;
    }

    <T> Spec<C> body(Field<T> field, Function<C, T> getter) {
      bindings.add(new Binding<>(field, From.BODY, getter::apply));
      return this;
    }

    Spec<C> caller(Field<Long> field, Function<C, Long> getter) {
      bindings.add(new Binding<>(field, From.CALLER, getter::apply));
      this.actorOf = getter;
      return this;
    }

    /** The field naming the account the command acts for: its holder must be the caller. */
    Spec<C> actor(Field<Long> field, Function<C, Long> getter) {
      this.actorField = field;
      this.actorOf = getter;
      return this;
    }

    /** Who sends the command, for agents, when no request field names it. */
    Spec<C> sentBy(Function<C, Long> getter) {
      this.actorOf = getter;
      return this;
    }

    /** The command creates a resource: 201. */
    Spec<C> creates() {
      this.creates = true;
      return this;
    }

    /** The command places an order: 201 with the order's id. */
    Spec<C> placesOrder() {
      this.creates = true;
      this.placesOrder = true;
      return this;
    }

    CommandRoute<C> build(Builder<C> builder) {
      this.builder = builder;
      return new CommandRoute<>(this);
    }
  }
}
