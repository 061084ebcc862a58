package org.computecap.engine.command;

/**
 * Commands of authorised representatives (issue 15): persons and their credentials, who represents
 * which account as initiator or approver, a command initiated by a person ({@link Initiate}), the
 * approval, cancellation and expiry of transactions that wait (four-eyes, trusted-list delays), the
 * trusted account lists, and {@link AdvanceTime}, which the server sends from its clock so that
 * what fell due is executed by a journaled command. Handled by {@code
 * org.computecap.engine.representatives.RepresentativeHandler}, encoded by {@link
 * RepresentativeCodec} (tags 400-431).
 */
public sealed interface RepresentativeCommand extends Command
    permits RegisterPerson,
        SetRepresentative,
        IssuePersonEnrolmentCode,
        CompletePersonEnrolment,
        RevokePersonToken,
        Initiate,
        ApproveTransaction,
        CancelTransaction,
        AdvanceTime,
        AddTrustedAccount,
        RemoveTrustedAccount,
        SetPersonPassword,
        EnrolPersonTotp,
        SetPersonOidcSubject {}
