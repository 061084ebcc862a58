package org.computecap.engine.exchange;

import org.computecap.engine.command.CancelOrder;
import org.computecap.engine.command.CodecPart;
import org.computecap.engine.command.Command;
import org.computecap.engine.command.CommandReader;
import org.computecap.engine.command.CommandWriter;
import org.computecap.engine.command.PlaceOrder;
import org.computecap.engine.command.RunCallAuction;
import org.computecap.engine.command.StartCallAuction;

/**
 * Journal encoding of the exchange commands, tags 64-127. Fields are written in record order; tags
 * and field order never change once a journal may hold them.
 */
public final class ExchangeCodec implements CodecPart {
  private static final int PLACE_ORDER = 64;
  private static final int CANCEL_ORDER = 65;
  private static final int START_CALL_AUCTION = 66;
  private static final int RUN_CALL_AUCTION = 67;

  @Override
  public int firstTag() {
    return 64;
  }

  @Override
  public int lastTag() {
    return 127;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof PlaceOrder c) {
      out.writeLong(c.orderId())
          .writeLong(c.accountId())
          .writeEnum(c.side())
          .writeEnum(c.type())
          .writeLong(c.priceCents())
          .writeLong(c.quantity())
          .writeInt(c.vintage());
      return PLACE_ORDER;
    } else if (command instanceof CancelOrder c) {
      out.writeLong(c.orderId()).writeLong(c.accountId());
      return CANCEL_ORDER;
    } else if (command instanceof StartCallAuction c) {
      out.writeInt(c.vintage());
      return START_CALL_AUCTION;
    } else if (command instanceof RunCallAuction c) {
      out.writeInt(c.vintage());
      return RUN_CALL_AUCTION;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case PLACE_ORDER:
        return new PlaceOrder(
            in.readLong(),
            in.readLong(),
            in.readEnum(Side.class),
            in.readEnum(OrderType.class),
            in.readLong(),
            in.readLong(),
            in.readInt());
      case CANCEL_ORDER:
        return new CancelOrder(in.readLong(), in.readLong());
      case START_CALL_AUCTION:
        return new StartCallAuction(in.readInt());
      case RUN_CALL_AUCTION:
        return new RunCallAuction(in.readInt());
      default:
        throw new IllegalArgumentException("unknown exchange command tag " + tag);
    }
  }
}
