package org.computecap.engine.command;

/** Journal encoding of the access commands, tags 256-287 (stable forever). */
public final class AccessCodec implements CodecPart {
  private static final int ISSUE_ENROLMENT_CODE = 256;
  private static final int COMPLETE_ENROLMENT = 257;
  private static final int ISSUE_TOKEN = 258;
  private static final int REVOKE_TOKEN = 259;
  private static final int APPOINT_INSURER = 260;

  @Override
  public int firstTag() {
    return 256;
  }

  @Override
  public int lastTag() {
    return 287;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof IssueEnrolmentCode c) {
      out.writeLong(c.accountId())
          .writeString(c.codeHash())
          .writeLong(c.issuedBy())
          .writeLong(c.expiresTick());
      return ISSUE_ENROLMENT_CODE;
    } else if (command instanceof CompleteEnrolment c) {
      out.writeString(c.codeHash()).writeString(c.tokenHash()).writeLong(c.expiresTick());
      return COMPLETE_ENROLMENT;
    } else if (command instanceof IssueToken c) {
      out.writeLong(c.accountId())
          .writeString(c.tokenHash())
          .writeLong(c.issuedBy())
          .writeLong(c.expiresTick());
      return ISSUE_TOKEN;
    } else if (command instanceof RevokeToken c) {
      out.writeLong(c.tokenId()).writeLong(c.revokedBy());
      return REVOKE_TOKEN;
    } else if (command instanceof AppointInsurer c) {
      out.writeLong(c.accountId()).writeLong(c.insurerId()).writeLong(c.appointedBy());
      return APPOINT_INSURER;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case ISSUE_ENROLMENT_CODE:
        return new IssueEnrolmentCode(in.readLong(), in.readString(), in.readLong(), in.readLong());
      case COMPLETE_ENROLMENT:
        return new CompleteEnrolment(in.readString(), in.readString(), in.readLong());
      case ISSUE_TOKEN:
        return new IssueToken(in.readLong(), in.readString(), in.readLong(), in.readLong());
      case REVOKE_TOKEN:
        return new RevokeToken(in.readLong(), in.readLong());
      case APPOINT_INSURER:
        return new AppointInsurer(in.readLong(), in.readLong(), in.readLong());
      default:
        throw new IllegalArgumentException("unknown access command tag " + tag);
    }
  }
}
