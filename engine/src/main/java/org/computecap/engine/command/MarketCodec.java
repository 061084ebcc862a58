package org.computecap.engine.command;

/** Journal encoding of {@link MarketCommand}s, tags 1-15. */
final class MarketCodec implements CodecPart {
  private static final int OPEN_MARKET = 1;

  @Override
  public int firstTag() {
    return 1;
  }

  @Override
  public int lastTag() {
    return 15;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof OpenMarket c) {
      out.writeString(c.programYaml()).writeLong(c.seed());
      return OPEN_MARKET;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    if (tag == OPEN_MARKET) {
      return new OpenMarket(in.readString(), in.readLong());
    }
    throw new IllegalArgumentException("unknown market command tag " + tag);
  }
}
