package org.computecap.engine.command;

/** Journal encoding of {@link RegistryCommand}s, tags 16-63. */
final class RegistryCodec implements CodecPart {
  private static final int OPEN_ACCOUNT = 16;
  private static final int DEPOSIT_CASH = 17;
  private static final int WITHDRAW_CASH = 18;
  private static final int ISSUE_PERMITS = 19;
  private static final int TRANSFER_PERMITS = 20;
  private static final int SURRENDER_PERMITS = 21;
  private static final int CANCEL_PERMITS = 22;
  private static final int ISSUE_LINKED_UNITS = 23;

  @Override
  public int firstTag() {
    return 16;
  }

  @Override
  public int lastTag() {
    return 63;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof OpenAccount c) {
      out.writeLong(c.accountId()).writeString(c.name()).writeEnum(c.role());
      return OPEN_ACCOUNT;
    } else if (command instanceof DepositCash c) {
      out.writeLong(c.accountId()).writeLong(c.amountCents());
      return DEPOSIT_CASH;
    } else if (command instanceof WithdrawCash c) {
      out.writeLong(c.accountId()).writeLong(c.amountCents());
      return WITHDRAW_CASH;
    } else if (command instanceof IssuePermits c) {
      out.writeLong(c.accountId()).writeInt(c.vintage()).writeLong(c.quantity());
      return ISSUE_PERMITS;
    } else if (command instanceof TransferPermits c) {
      out.writeLong(c.fromAccountId())
          .writeLong(c.toAccountId())
          .writeInt(c.vintage())
          .writeLong(c.quantity());
      return TRANSFER_PERMITS;
    } else if (command instanceof SurrenderPermits c) {
      out.writeLong(c.accountId()).writeInt(c.period()).writeLong(c.quantity());
      return SURRENDER_PERMITS;
    } else if (command instanceof CancelPermits c) {
      out.writeLong(c.accountId()).writeInt(c.vintage()).writeLong(c.quantity());
      return CANCEL_PERMITS;
    } else if (command instanceof IssueLinkedUnits c) {
      out.writeLong(c.accountId()).writeInt(c.vintage()).writeLong(c.originPermits());
      return ISSUE_LINKED_UNITS;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case OPEN_ACCOUNT:
        return new OpenAccount(in.readLong(), in.readString(), in.readEnum(Role.class));
      case DEPOSIT_CASH:
        return new DepositCash(in.readLong(), in.readLong());
      case WITHDRAW_CASH:
        return new WithdrawCash(in.readLong(), in.readLong());
      case ISSUE_PERMITS:
        return new IssuePermits(in.readLong(), in.readInt(), in.readLong());
      case TRANSFER_PERMITS:
        return new TransferPermits(in.readLong(), in.readLong(), in.readInt(), in.readLong());
      case SURRENDER_PERMITS:
        return new SurrenderPermits(in.readLong(), in.readInt(), in.readLong());
      case CANCEL_PERMITS:
        return new CancelPermits(in.readLong(), in.readInt(), in.readLong());
      case ISSUE_LINKED_UNITS:
        return new IssueLinkedUnits(in.readLong(), in.readInt(), in.readLong());
      default:
        throw new IllegalArgumentException("unknown registry command tag " + tag);
    }
  }
}
