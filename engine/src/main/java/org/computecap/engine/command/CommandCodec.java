package org.computecap.engine.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The explicit binary encoding of commands in the journal: a two-byte tag followed by the command's
 * fields as its {@link CodecPart} writes them. Tags are stable forever (a journal written today
 * must replay tomorrow), and each feature owns a range of them: market 1-15, registry 16-63,
 * exchange 64-127, allocation 128-159, auction 160-191, compliance 192-255, access 256-287,
 * representatives 400-431, lifecycle 512-543, metering 640-671.
 *
 * <p>All parts live in this package, beside the command records they encode, so the command
 * language depends on no feature. To add a feature's commands: write its {@code CodecPart} here and
 * add one line for it to {@link #standard()}.
 */
public final class CommandCodec {
  private final List<CodecPart> parts;
  private final Map<Class<?>, CodecPart> partByClass = new HashMap<>();

  /** A codec over these parts; their tag ranges must not overlap. */
  public CommandCodec(List<CodecPart> parts) {
    this.parts = List.copyOf(parts);
    for (int i = 0; i < this.parts.size(); i++) {
      CodecPart a = this.parts.get(i);
      if (a.firstTag() < 1 || a.lastTag() > 0xFFFF || a.firstTag() > a.lastTag()) {
        throw new IllegalArgumentException(
            "tag range must lie within 1..65535, got " + a.firstTag() + ".." + a.lastTag());
      }
      for (int j = 0; j < i; j++) {
        CodecPart b = this.parts.get(j);
        if (a.firstTag() <= b.lastTag() && b.firstTag() <= a.lastTag()) {
          throw new IllegalArgumentException(
              "tag ranges overlap: "
                  + a.firstTag()
                  + ".."
                  + a.lastTag()
                  + " and "
                  + b.firstTag()
                  + ".."
                  + b.lastTag());
        }
      }
    }
  }

  /** The codec for every command of every feature. */
  public static CommandCodec standard() {
    List<CodecPart> parts = new ArrayList<>();
    parts.add(new MarketCodec());
    parts.add(new RegistryCodec());
    // exchange: add its part here.
    parts.add(new org.computecap.engine.command.ExchangeCodec());

    // allocation: add its part here.
    parts.add(new org.computecap.engine.command.AllocationCodec());

    // auction: add its part here.
    parts.add(new org.computecap.engine.command.AuctionCodec());

    // compliance: add its part here.
    parts.add(new org.computecap.engine.command.ComplianceCodec());

    // access: add its part here.
    parts.add(new org.computecap.engine.command.AccessCodec());

    // lifecycle (issue 15 registry controls): add its part here.
    parts.add(new LifecycleCodec());

    // representatives: add its part here.
    parts.add(new org.computecap.engine.command.RepresentativeCodec());

    // metering (issue 17): add its part here.
    parts.add(new MeteringCodec());

    return new CommandCodec(parts);
  }

  public byte[] encode(Command command) {
    CommandWriter out = new CommandWriter();
    out.writeShort(0);
    CodecPart known = partByClass.get(command.getClass());
    int tag = known == null ? -1 : known.encode(command, out);
    if (known == null) {
      for (CodecPart part : parts) {
        tag = part.encode(command, out);
        if (tag >= 0) {
          partByClass.put(command.getClass(), part);
          break;
        }
      }
    }
    if (tag < 0) {
      throw new IllegalArgumentException("no codec for " + command.getClass().getName());
    }
    byte[] bytes = out.toByteArray();
    bytes[0] = (byte) (tag >>> 8);
    bytes[1] = (byte) tag;
    return bytes;
  }

  public Command decode(byte[] bytes) {
    CommandReader in = new CommandReader(bytes);
    int tag = in.readShort();
    for (CodecPart part : parts) {
      if (tag >= part.firstTag() && tag <= part.lastTag()) {
        Command command = part.decode(tag, in);
        if (!in.atEnd()) {
          throw new IllegalArgumentException(
              "command of tag "
                  + tag
                  + " ends at offset "
                  + in.position()
                  + " but has "
                  + bytes.length
                  + " bytes");
        }
        return command;
      }
    }
    throw new IllegalArgumentException("unknown command tag " + tag);
  }
}
