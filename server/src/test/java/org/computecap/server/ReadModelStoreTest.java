package org.computecap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;
import org.junit.jupiter.api.Test;

/**
 * The disk half of the read model against plain lists: block indexes across many blocks, trades
 * paged with and without a vintage filter from every cursor, orders open in memory and finished on
 * disk, an account's orders paged across blocks. Pages walked with their own {@code next} cursors
 * must give back exactly the reference list, in order, once.
 */
class ReadModelStoreTest {
  @Test
  void a_block_index_answers_every_cursor_like_a_list() throws Exception {
    Path dir = Files.createTempDirectory("computecap-index");
    try (RecordFile blocks = new RecordFile(dir.resolve("b.idx"), BlockIndex.BLOCK * 8, false)) {
      BlockIndex.BlockAllocator alloc = new BlockIndex.BlockAllocator();
      BlockIndex a = new BlockIndex(blocks, alloc);
      BlockIndex b = new BlockIndex(blocks, alloc);
      List<Long> ra = new ArrayList<>();
      SplittableRandom rnd = new SplittableRandom(7);
      long id = 0;
      for (int i = 0; i < 1_000; i++) {
        id += 1 + rnd.nextInt(3);
        if (rnd.nextBoolean()) {
          a.add(id);
          ra.add(id);
        } else {
          b.add(id);
        }
      }
      assertThat(a.size()).isEqualTo(ra.size());
      assertThat(a.last()).isEqualTo(ra.get(ra.size() - 1));
      for (long after = -1; after <= id + 1; after += 1 + rnd.nextInt(7)) {
        List<Long> got = new ArrayList<>();
        boolean more = a.after(after, 37, got);
        long cursor = after;
        List<Long> want = ra.stream().filter(x -> x > cursor).limit(37).toList();
        assertThat(got).as("after %d", after).isEqualTo(want);
        assertThat(more).isEqualTo(ra.stream().filter(x -> x > cursor).count() > 37);
      }
    }
  }

  @Test
  void trades_page_from_every_cursor_with_and_without_a_vintage() throws Exception {
    Path dir = Files.createTempDirectory("computecap-trades");
    try (TradeLog log = new TradeLog(dir)) {
      List<Views.Trade> all = new ArrayList<>();
      for (int batch = 0; batch < 40; batch++) {
        List<Views.Trade> trades = new ArrayList<>();
        for (int i = 0; i < 1 + batch % 13; i++) {
          long id = log.nextId() + trades.size();
          trades.add(
              new Views.Trade(
                  id, id * 10, (int) (id % 3), 900 + id, 1, 2 * id, 1L, 2 * id + 1, 2L));
        }
        log.append(trades);
        log.publish(trades);
        all.addAll(trades);
      }
      assertThat(walk(log, null)).isEqualTo(all.stream().map(Views.Trade::id).toList());
      for (int v = 0; v < 3; v++) {
        int vintage = v;
        assertThat(walk(log, vintage))
            .isEqualTo(
                all.stream().filter(t -> t.vintage() == vintage).map(Views.Trade::id).toList());
      }
      Views.Trade t = log.page(null, 10, 1, null).items().get(0);
      assertThat(t.id()).isEqualTo(11);
      assertThat(t.priceCents()).isEqualTo(911);
      assertThat(t.buyAccountId()).as("hidden from the public").isNull();
      assertThat(log.page(null, all.size(), 5, null).items()).isEmpty();
      assertThat(log.page(null, Long.MAX_VALUE, 5, null).items()).isEmpty();
    }
  }

  private static List<Long> walk(TradeLog log, Integer vintage) {
    List<Long> ids = new ArrayList<>();
    long after = Long.MIN_VALUE;
    while (true) {
      Views.Page<Views.Trade> page = log.page(vintage, after, 17, null);
      page.items().forEach(t -> ids.add(t.id()));
      if (page.next() == null) {
        return ids;
      }
      after = page.next();
    }
  }

  @Test
  void orders_are_open_in_memory_finished_on_disk_and_paged_per_account() throws Exception {
    Path dir = Files.createTempDirectory("computecap-orders");
    try (OrderLog log = new OrderLog(dir)) {
      List<Long> mine = new ArrayList<>();
      for (long id = 1; id <= 700; id++) {
        long account = id % 4 == 0 ? 1 : 2;
        Views.Order o = order(id, account, Views.OrderStatus.OPEN, 5);
        log.publishNew(o);
        if (account == 1) {
          mine.add(id);
        }
        if (id % 3 == 0) {
          Views.Order done = order(id, account, Views.OrderStatus.FILLED, 0);
          log.writeFinished(done);
          log.publishChange(done);
        }
      }
      assertThat(log.get(3).status()).isEqualTo(Views.OrderStatus.FILLED);
      assertThat(log.get(3).remaining()).isZero();
      assertThat(log.get(4).status()).isEqualTo(Views.OrderStatus.OPEN);
      assertThat(log.get(701)).isNull();
      assertThat(log.get(0)).isNull();
      List<Long> paged = new ArrayList<>();
      long after = Long.MIN_VALUE;
      while (true) {
        Views.Page<Views.Order> page = log.page(1, after, 50);
        page.items().forEach(o -> paged.add(o.orderId()));
        if (page.next() == null) {
          break;
        }
        after = page.next();
      }
      assertThat(paged).isEqualTo(mine);
    }
  }

  private static Views.Order order(long id, long account, Views.OrderStatus status, long left) {
    return new Views.Order(id, account, Side.BUY, OrderType.LIMIT, 900, 5, left, 1, status, id);
  }
}
