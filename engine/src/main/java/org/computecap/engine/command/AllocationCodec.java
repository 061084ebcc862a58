package org.computecap.engine.command;

/** Journal encoding of the allocation commands, tags 128-159 (stable forever). */
final class AllocationCodec implements CodecPart {
  private static final int RECORD_VERIFIED_ACTIVITY = 128;
  private static final int SET_ASSISTANCE_FACTOR = 129;
  private static final int ALLOCATE_FREE_PERMITS = 130;
  private static final int ALLOCATE_NEW_ENTRANT = 131;

  @Override
  public int firstTag() {
    return 128;
  }

  @Override
  public int lastTag() {
    return 159;
  }

  @Override
  public int encode(Command command, CommandWriter out) {
    if (command instanceof RecordVerifiedActivity c) {
      out.writeLong(c.accountId())
          .writeInt(c.period())
          .writeLong(c.outputUnits())
          .writeLong(c.coveredQuantity());
      return RECORD_VERIFIED_ACTIVITY;
    } else if (command instanceof SetAssistanceFactor c) {
      out.writeLong(c.accountId()).writeLong(c.factorPpm());
      return SET_ASSISTANCE_FACTOR;
    } else if (command instanceof AllocateFreePermits c) {
      out.writeInt(c.period());
      return ALLOCATE_FREE_PERMITS;
    } else if (command instanceof AllocateNewEntrant c) {
      out.writeLong(c.accountId()).writeLong(c.projectedOutputUnits());
      return ALLOCATE_NEW_ENTRANT;
    }
    return -1;
  }

  @Override
  public Command decode(int tag, CommandReader in) {
    switch (tag) {
      case RECORD_VERIFIED_ACTIVITY:
        return new RecordVerifiedActivity(
            in.readLong(), in.readInt(), in.readLong(), in.readLong());
      case SET_ASSISTANCE_FACTOR:
        return new SetAssistanceFactor(in.readLong(), in.readLong());
      case ALLOCATE_FREE_PERMITS:
        return new AllocateFreePermits(in.readInt());
      case ALLOCATE_NEW_ENTRANT:
        return new AllocateNewEntrant(in.readLong(), in.readLong());
      default:
        throw new IllegalArgumentException("unknown allocation command tag " + tag);
    }
  }
}
