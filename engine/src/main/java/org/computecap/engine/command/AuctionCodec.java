package org.computecap.engine.command;

/** Journal encoding of the primary-auction commands, tags 160-191 (stable forever). */
final class AuctionCodec implements CodecPart {
  private static final int OPEN_AUCTION = 160;
  private static final int SUBMIT_BID = 161;
  private static final int WITHDRAW_BID = 162;
  private static final int CLEAR_AUCTION = 163;
  private static final int OPEN_RESERVE_SALE = 164;
  private static final int SUBMIT_RESERVE_BID = 165;
  private static final int CLEAR_RESERVE_SALE = 166;
  private static final int BUY_AT_CEILING = 167;
  private static final int WITHDRAW_RESERVE_BID = 168;

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
    } else if (command instanceof OpenReserveSale c) {
      out.writeLong(c.saleId()).writeInt(c.period());
      return OPEN_RESERVE_SALE;
    } else if (command instanceof SubmitReserveBid c) {
      out.writeLong(c.saleId())
          .writeLong(c.bidId())
          .writeLong(c.accountId())
          .writeLong(c.quantity());
      return SUBMIT_RESERVE_BID;
    } else if (command instanceof ClearReserveSale c) {
      out.writeLong(c.saleId());
      return CLEAR_RESERVE_SALE;
    } else if (command instanceof BuyAtCeiling c) {
      out.writeLong(c.accountId()).writeLong(c.quantity());
      return BUY_AT_CEILING;
    } else if (command instanceof WithdrawReserveBid c) {
      out.writeLong(c.saleId()).writeLong(c.bidId()).writeLong(c.accountId());
      return WITHDRAW_RESERVE_BID;
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
      case OPEN_RESERVE_SALE:
        return new OpenReserveSale(in.readLong(), in.readInt());
      case SUBMIT_RESERVE_BID:
        return new SubmitReserveBid(in.readLong(), in.readLong(), in.readLong(), in.readLong());
      case CLEAR_RESERVE_SALE:
        return new ClearReserveSale(in.readLong());
      case BUY_AT_CEILING:
        return new BuyAtCeiling(in.readLong(), in.readLong());
      case WITHDRAW_RESERVE_BID:
        return new WithdrawReserveBid(in.readLong(), in.readLong(), in.readLong());
      default:
        throw new IllegalArgumentException("unknown auction command tag " + tag);
    }
  }
}
