package org.computecap.engine.command;

/**
 * Journal encoding of the representative commands, tags 400-431 (stable forever). {@link Initiate}
 * carries the command it wraps as that command's own encoding, tag included, so any command of any
 * feature can be wrapped without this part knowing it.
 */
public final class RepresentativeCodec implements CodecPart {
  private static final int REGISTER_PERSON = 400;
  private static final int SET_REPRESENTATIVE = 401;
  private static final int ISSUE_PERSON_ENROLMENT_CODE = 402;
  private static final int COMPLETE_PERSON_ENROLMENT = 403;
  private static final int REVOKE_PERSON_TOKEN = 404;
  private static final int INITIATE = 405;
  private static final int APPROVE_TRANSACTION = 406;
  private static final int CANCEL_TRANSACTION = 407;
  private static final int ADVANCE_TIME = 408;
  private static final int ADD_TRUSTED_ACCOUNT = 409;
  private static final int REMOVE_TRUSTED_ACCOUNT = 410;
  private static final int SET_PERSON_PASSWORD = 411;
  private static final int ENROL_PERSON_TOTP = 412;
  private static final int SET_PERSON_OIDC_SUBJECT = 413;

  /** The whole codec, for the wrapped command (made lazily: the standard codec includes us). */
  private CommandCodec inner;

  @Override
  public int firstTag() {
    return 400;
  }

  @Override
  public int lastTag() {
    return 431;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof RegisterPerson c) {
      out.writeLong(c.personId())
          .writeString(c.name())
          .writeBoolean(c.senior())
          .writeLong(c.registeredBy());
      return REGISTER_PERSON;
    } else if (command instanceof SetRepresentative c) {
      out.writeLong(c.accountId())
          .writeLong(c.personId())
          .writeBoolean(c.initiator())
          .writeBoolean(c.approver())
          .writeLong(c.setBy());
      return SET_REPRESENTATIVE;
    } else if (command instanceof IssuePersonEnrolmentCode c) {
      out.writeLong(c.personId())
          .writeLong(c.accountId())
          .writeString(c.codeHash())
          .writeLong(c.issuedBy())
          .writeLong(c.expiresTick());
      return ISSUE_PERSON_ENROLMENT_CODE;
    } else if (command instanceof CompletePersonEnrolment c) {
      out.writeString(c.codeHash()).writeString(c.tokenHash()).writeLong(c.expiresTick());
      return COMPLETE_PERSON_ENROLMENT;
    } else if (command instanceof RevokePersonToken c) {
      out.writeLong(c.tokenId()).writeLong(c.revokedByPerson());
      return REVOKE_PERSON_TOKEN;
    } else if (command instanceof Initiate c) {
      out.writeLong(c.personId()).writeBytes(codec().encode(c.command()));
      return INITIATE;
    } else if (command instanceof ApproveTransaction c) {
      out.writeLong(c.transactionId()).writeLong(c.personId());
      return APPROVE_TRANSACTION;
    } else if (command instanceof CancelTransaction c) {
      out.writeLong(c.transactionId()).writeLong(c.personId());
      return CANCEL_TRANSACTION;
    } else if (command instanceof AdvanceTime) {
      return ADVANCE_TIME;
    } else if (command instanceof AddTrustedAccount c) {
      out.writeLong(c.accountId()).writeLong(c.trustedAccountId());
      return ADD_TRUSTED_ACCOUNT;
    } else if (command instanceof RemoveTrustedAccount c) {
      out.writeLong(c.accountId()).writeLong(c.trustedAccountId());
      return REMOVE_TRUSTED_ACCOUNT;
    } else if (command instanceof SetPersonPassword c) {
      out.writeLong(c.personId()).writeString(c.passwordHash()).writeLong(c.setBy());
      return SET_PERSON_PASSWORD;
    } else if (command instanceof EnrolPersonTotp c) {
      out.writeLong(c.personId()).writeString(c.secret()).writeLong(c.setBy());
      return ENROL_PERSON_TOTP;
    } else if (command instanceof SetPersonOidcSubject c) {
      out.writeLong(c.personId()).writeString(c.subject()).writeLong(c.setBy());
      return SET_PERSON_OIDC_SUBJECT;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case REGISTER_PERSON:
        return new RegisterPerson(in.readLong(), in.readString(), in.readBoolean(), in.readLong());
      case SET_REPRESENTATIVE:
        return new SetRepresentative(
            in.readLong(), in.readLong(), in.readBoolean(), in.readBoolean(), in.readLong());
      case ISSUE_PERSON_ENROLMENT_CODE:
        return new IssuePersonEnrolmentCode(
            in.readLong(), in.readLong(), in.readString(), in.readLong(), in.readLong());
      case COMPLETE_PERSON_ENROLMENT:
        return new CompletePersonEnrolment(in.readString(), in.readString(), in.readLong());
      case REVOKE_PERSON_TOKEN:
        return new RevokePersonToken(in.readLong(), in.readLong());
      case INITIATE:
        return new Initiate(in.readLong(), codec().decode(in.readBytes()));
      case APPROVE_TRANSACTION:
        return new ApproveTransaction(in.readLong(), in.readLong());
      case CANCEL_TRANSACTION:
        return new CancelTransaction(in.readLong(), in.readLong());
      case ADVANCE_TIME:
        return new AdvanceTime();
      case ADD_TRUSTED_ACCOUNT:
        return new AddTrustedAccount(in.readLong(), in.readLong());
      case REMOVE_TRUSTED_ACCOUNT:
        return new RemoveTrustedAccount(in.readLong(), in.readLong());
      case SET_PERSON_PASSWORD:
        return new SetPersonPassword(in.readLong(), in.readString(), in.readLong());
      case ENROL_PERSON_TOTP:
        return new EnrolPersonTotp(in.readLong(), in.readString(), in.readLong());
      case SET_PERSON_OIDC_SUBJECT:
        return new SetPersonOidcSubject(in.readLong(), in.readString(), in.readLong());
      default:
        throw new IllegalArgumentException("unknown representative command tag " + tag);
    }
  }

  private CommandCodec codec() {
    if (inner == null) {
      inner = CommandCodec.standard();
    }
    return inner;
  }
}
