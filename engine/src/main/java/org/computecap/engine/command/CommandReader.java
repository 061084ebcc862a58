package org.computecap.engine.command;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link CommandWriter} wrote. Reading past the end or finding an impossible value
 * throws {@link IllegalArgumentException} naming the offset, since journal bytes come from a file
 * that may have been damaged or edited.
 */
public final class CommandReader {
  /**
   * Each enum's constants, read once: {@code getEnumConstants()} copies the array on every call,
   * and decoding an order reads two enums.
   */
  private static final ClassValue<Object[]> ENUM_CONSTANTS =
      new ClassValue<>() {
        @Override
        protected Object[] computeValue(Class<?> type) {
          return type.getEnumConstants();
        }
      };

  private final byte[] bytes;
  private int position;

  CommandReader(byte[] bytes) {
    this.bytes = bytes;
  }

  public int readByte() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  public boolean readBoolean() {
    int b = readByte();
    if (b > 1) {
      throw new IllegalArgumentException(
          "boolean byte must be 0 or 1 at offset " + (position - 1) + ", got " + b);
    }
    return b == 1;
  }

  public int readShort() {
    need(2);
    int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
    position += 2;
    return v;
  }

  public int readInt() {
    need(4);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (bytes[position++] & 0xFF);
    }
    return v;
  }

  public long readLong() {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[position++] & 0xFF);
    }
    return v;
  }

  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  public byte[] readBytes() {
    int n = readInt();
    if (n < 0) {
      throw new IllegalArgumentException(
          "length must be >= 0 at offset " + (position - 4) + ", got " + n);
    }
    need(n);
    byte[] out = Arrays.copyOfRange(bytes, position, position + n);
    position += n;
    return out;
  }

  public <E extends Enum<E>> E readEnum(Class<E> type) {
    int ordinal = readByte();
    Object[] values = ENUM_CONSTANTS.get(type);
    if (ordinal >= values.length) {
      throw new IllegalArgumentException(
          type.getSimpleName()
              + " ordinal must be < "
              + values.length
              + " at offset "
              + (position - 1)
              + ", got "
              + ordinal);
    }
    return type.cast(values[ordinal]);
  }

  boolean atEnd() {
    return position == bytes.length;
  }

  int position() {
    return position;
  }

  private void need(int n) {
    if (n > bytes.length - position) {
      throw new IllegalArgumentException(
          "command bytes end at "
              + bytes.length
              + " but "
              + n
              + " more are needed at offset "
              + position);
    }
  }
}
