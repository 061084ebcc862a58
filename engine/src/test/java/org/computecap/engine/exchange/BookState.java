package org.computecap.engine.exchange;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over an explicit encoding of a book's resting orders in book order. */
final class BookState {
  private static final MessageDigest DIGEST = newDigest();
  private static final ByteBuffer BUFFER = ByteBuffer.allocate(64);

  private BookState() {}

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static synchronized String sha256(OrderBook book) {
    DIGEST.reset();
    book.forEachOrder(
        (id, account, side, price, remaining, vintage) -> {
          BUFFER.clear();
          BUFFER
              .putLong(id)
              .putLong(account)
              .put((byte) side.ordinal())
              .putLong(price)
              .putLong(remaining)
              .putInt(vintage);
          DIGEST.update(BUFFER.array(), 0, BUFFER.position());
        });
    return HexFormat.of().formatHex(DIGEST.digest());
  }
}
