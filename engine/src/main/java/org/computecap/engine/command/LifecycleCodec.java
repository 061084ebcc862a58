package org.computecap.engine.command;

import org.computecap.engine.program.AccountStatus;

/**
 * Journal encoding of the registry controls' lifecycle commands (issue 15), tags 512-543 (stable
 * forever; the range is chosen apart from the neighbouring issue 15 work's).
 */
final class LifecycleCodec implements CodecPart {
  private static final int SET_ACCOUNT_STATUS = 512;
  private static final int REVERSE_SURRENDER = 513;
  private static final int REVERSE_ALLOCATION = 514;

  @Override
  public int firstTag() {
    return 512;
  }

  @Override
  public int lastTag() {
    return 543;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof SetAccountStatus c) {
      out.writeLong(c.accountId()).writeEnum(c.status()).writeString(c.reason());
      return SET_ACCOUNT_STATUS;
    } else if (command instanceof ReverseSurrender c) {
      out.writeLong(c.accountId()).writeInt(c.period()).writeLong(c.quantity());
      out.writeString(c.reason());
      return REVERSE_SURRENDER;
    } else if (command instanceof ReverseAllocation c) {
      out.writeLong(c.accountId()).writeInt(c.period()).writeLong(c.quantity());
      out.writeString(c.reason());
      return REVERSE_ALLOCATION;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case SET_ACCOUNT_STATUS:
        return new SetAccountStatus(
            in.readLong(), in.readEnum(AccountStatus.class), in.readString());
      case REVERSE_SURRENDER:
        return new ReverseSurrender(in.readLong(), in.readInt(), in.readLong(), in.readString());
      case REVERSE_ALLOCATION:
        return new ReverseAllocation(in.readLong(), in.readInt(), in.readLong(), in.readString());
      default:
        break;
    }
    throw new IllegalArgumentException("unknown lifecycle command tag " + tag);
  }
}
