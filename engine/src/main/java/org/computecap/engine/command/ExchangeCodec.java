package org.computecap.engine.command;

/**
 * Journal encoding of the exchange commands, tags 64-127. Fields are written in record order; tags
 * and field order never change once a journal may hold them.
 *
 * <p>Tag 64 was {@code PlaceOrder} with a caller-chosen order id, retired when the exchange began
 * assigning ids itself: replaying such an entry could give its order a different id than the one
 * later entries cancel, so it is refused by name rather than read differently. Its successor is tag
 * 68.
 */
final class ExchangeCodec implements CodecPart {
  private static final int RETIRED_PLACE_ORDER_WITH_ID = 64;
  private static final int CANCEL_ORDER = 65;
  private static final int START_CALL_AUCTION = 66;
  private static final int RUN_CALL_AUCTION = 67;
  private static final int PLACE_ORDER = 68;

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
      out.writeLong(c.accountId())
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
      case RETIRED_PLACE_ORDER_WITH_ID:
        throw new IllegalArgumentException(
            "command tag 64 (PlaceOrder with a caller-chosen order id) is retired: this journal"
                + " was written before the exchange assigned order ids and cannot be replayed");
      case PLACE_ORDER:
        return new PlaceOrder(
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
