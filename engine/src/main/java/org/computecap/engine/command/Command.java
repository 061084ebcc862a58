package org.computecap.engine.command;

/**
 * Everything that can change the market: an imperative record, validated for shape in its
 * constructor (an {@link IllegalArgumentException} names the field and the allowed range), and
 * judged against the business rules only by the engine, which answers with events or a {@code
 * Rejection}.
 *
 * <p>The hierarchy is sealed so that the engine's dispatch and the journal's codec are checked to
 * be total. All command types live in this one package because a sealed hierarchy in an unnamed
 * module must. Each feature owns one sub-interface and the records it permits: {@link
 * MarketCommand} and {@link RegistryCommand} (core), {@link ExchangeCommand} (exchange), {@link
 * AllocationCommand}, {@link AuctionCommand} and {@link ComplianceCommand} (rules), {@link
 * AccessCommand} (access: enrolment, tokens, insurer appointments), {@link LifecycleCommand}
 * (registry controls: account lifecycle, issue 15), {@link RepresentativeCommand} (representatives:
 * persons, four-eyes approval, trusted lists), {@link MeteringCommand} (attested metering, issue
 * 17).
 */
public sealed interface Command
    permits MarketCommand,
        RegistryCommand,
        ExchangeCommand,
        AllocationCommand,
        AuctionCommand,
        ComplianceCommand,
        AccessCommand,
        LifecycleCommand,
        RepresentativeCommand,
        MeteringCommand {}
