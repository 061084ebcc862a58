package org.computecap.engine.command;

/**
 * Commands of the compliance cycle (§7); owned by the rules feature: reports, meter readings,
 * evaluations, insurance, period close (obligations, penalties, audit draw, expiry), audit findings
 * and paying an outstanding penalty.
 */
public sealed interface ComplianceCommand extends Command
    permits SubmitReport,
        RecordMeterReading,
        RecordEvaluation,
        RecordInsurerEvaluation,
        ChargeInsurancePremium,
        ClosePeriod,
        RecordAuditFinding,
        PayOutstandingPenalty,
        PostCollateral,
        ReturnCollateral {}
