package org.computecap.engine.command;

/**
 * Commands of attested metering (issue 17): a regulator registers, retires and replaces meters,
 * each bound to one participant account by its Ed25519 public key; a meter's signed readings are
 * submitted for that account (by the participant or by the meter itself: the signature is what the
 * engine trusts).
 */
public sealed interface MeteringCommand extends Command
    permits RegisterMeter, RetireMeter, ReplaceMeter, SubmitMeterReading {}
