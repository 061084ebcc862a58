package org.computecap.engine.command;

/**
 * One feature's share of the journal encoding: it owns a range of tags (see {@link CommandCodec})
 * and encodes and decodes exactly its own command records. Each feature writes its part in its own
 * class, so features never edit each other's encoders.
 */
public interface CodecPart {
  /** The lowest tag this part owns. */
  int firstTag();

  /** The highest tag this part owns. */
  int lastTag();

  /** Writes the fields of {@code command} and returns its tag, or -1 when it is not ours. */
  int encode(Command command, CommandWriter out);

  /** Reads a command of {@code tag} (within our range), or throws IllegalArgumentException. */
  Command decode(int tag, CommandReader in);
}
