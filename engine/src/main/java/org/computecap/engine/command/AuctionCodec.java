package org.computecap.engine.command;

/** Journal encoding of the primary-auction commands, tags 160-191 (stable forever). */
final class AuctionCodec implements CodecPart {
  private static final int OPEN_AUCTION = 160;
  private static final int SUBMIT_BID = 161;
  private static final int WITHDRAW_BID = 162;
  private static final int CLEAR_AUCTION = 163;

  @Override
  public int firstTag() {
    return 160;
  }

  @Override
  public int lastTag() {
    return 191;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof OpenAuction c) {
      out.writeLong(c.auctionId()).writeInt(c.period()).writeLong(c.quantity());
      return OPEN_AUCTION;
    } else if (command instanceof SubmitBid c) {
      out.writeLong(c.auctionId())
          .writeLong(c.bidId())
          .writeLong(c.accountId())
          .writeLong(c.quantity())
          .writeLong(c.limitPriceCents());
      return SUBMIT_BID;
    } else if (command instanceof WithdrawBid c) {
      out.writeLong(c.auctionId()).writeLong(c.bidId());
      return WITHDRAW_BID;
    } else if (command instanceof ClearAuction c) {
      out.writeLong(c.auctionId());
      return CLEAR_AUCTION;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case OPEN_AUCTION:
        return new OpenAuction(in.readLong(), in.readInt(), in.readLong());
      case SUBMIT_BID:
        return new SubmitBid(
            in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
      case WITHDRAW_BID:
        return new WithdrawBid(in.readLong(), in.readLong());
      case CLEAR_AUCTION:
        return new ClearAuction(in.readLong());
      default:
        throw new IllegalArgumentException("unknown auction command tag " + tag);
    }
  }
}
