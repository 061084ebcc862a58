package org.computecap.engine.command;

/** Commands on the registry (§3): accounts, cash, and the life of a permit. */
public sealed interface RegistryCommand extends Command
    permits OpenAccount,
        DepositCash,
        WithdrawCash,
        IssuePermits,
        TransferPermits,
        SurrenderPermits,
        CancelPermits,
        IssueLinkedUnits {}
