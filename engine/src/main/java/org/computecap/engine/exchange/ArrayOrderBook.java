package org.computecap.engine.exchange;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * The fast order book: every order and price level lives in parallel primitive arrays, so that
 * after warm-up placing, matching and cancelling allocate nothing and box nothing.
 *
 * <p>Layout. Orders occupy slots of a pool (arrays indexed by slot, recycled through a free stack)
 * and are found by id through an {@link OrderIndex}. Each price level is a slot of a second pool
 * holding its price, total quantity and an intrusive doubly linked list of its orders in time
 * priority. Each side keeps its levels in a {@link Ladder}: the best {@value Ladder#NEAR} levels in
 * an array sorted so that the best level sits at the end (the best price is one read, a level
 * emptied by matching is removed by decrementing a count, and a new level near the touch, where
 * nearly all activity is, shifts only the few entries above it), and any deeper levels in a sorted
 * map. So every level operation is O(log L) in the number of levels L (the array's shifts are
 * bounded by its fixed size) while the touch stays free of allocation. Sorting uses a key (price
 * for bids, minus price for asks) so one comparison serves both sides. Unlike a tick-indexed ladder
 * this needs no bound on the price range.
 *
 * <p>Invariants, checked by {@link #checkConsistency()}: every resting order is in the id map and
 * in exactly one level list; a level's quantity is the sum of its orders' remaining quantities and
 * is positive; levels are strictly sorted by key; the book is uncrossed unless orders were rested
 * for a call auction; the running reservation totals match the orders.
 */
final class ArrayOrderBook implements OrderBook {
  private static final int NIL = -1;

  private final long lotSize;
  private final boolean selfTradePrevention;
  private final OrderIndex slotById = new OrderIndex();
  private final Ladder bids = new Ladder();
  private final Ladder asks = new Ladder();

  private long[] ids;
  private long[] accounts;
  private long[] remainings;
  private int[] vintages;
  private int[] nexts;
  private int[] prevs;
  private int[] levelOf;
  private int[] freeOrders;
  private int freeOrderCount;
  private int orderHighWater;
  private long lastOrderId;

  private long[] levelPrices;
  private long[] levelQuantities;
  private int[] levelHeads;
  private int[] levelTails;
  private boolean[] levelIsBid;
  private int[] freeLevels;
  private int freeLevelCount;
  private int levelHighWater;

  private long restingBuyCents;
  private long restingSellQuantity;
  private long lastUncrossPriceCents = NO_PRICE;

  /**
   * The levels of one side by key, best (largest key) first out. The best {@link #NEAR} levels sit
   * in {@code keys}/{@code levels}, ascending, best at {@code count - 1}; deeper ones in {@code
   * far}. Invariants: every far key is below every near key; {@code count == 0} only when {@code
   * far} is empty too; {@code count <= NEAR}.
   */
  static final class Ladder {
    static final int NEAR = 64;

    final int[] levels = new int[NEAR + 1];
    final long[] keys = new long[NEAR + 1];
    int count;
    final TreeMap<Long, Integer> far = new TreeMap<>();

    int size() {
      return count + far.size();
    }

    /** The best level; the ladder must not be empty. */
    int best() {
      return levels[count - 1];
    }

    /** The level with {@code key}, or {@link #NIL}. */
    int find(long key) {
      if (count > 0 && key >= keys[0]) {
        int at = lowerBound(key);
        return at < count && keys[at] == key ? levels[at] : NIL;
      }
      Integer level = far.get(key);
      return level == null ? NIL : level;
    }

    /** Adds a level whose key is not on the ladder yet. */
    void insert(long key, int level) {
      if (!far.isEmpty() && key < keys[0]) {
        far.put(key, level);
        return;
      }
      int at = count > 0 && keys[count - 1] < key ? count : lowerBound(key);
      System.arraycopy(levels, at, levels, at + 1, count - at);
      System.arraycopy(keys, at, keys, at + 1, count - at);
      levels[at] = level;
      keys[at] = key;
      count++;
      if (count > NEAR) {
        // The worst near level goes deep; it is above every far key, so far stays below.
        far.put(keys[0], levels[0]);
        count--;
        System.arraycopy(levels, 1, levels, 0, count);
        System.arraycopy(keys, 1, keys, 0, count);
      }
    }

    /** Removes the level with {@code key}. */
    void remove(long key) {
      if (count > 0 && key >= keys[0]) {
        if (keys[count - 1] != key) {
          int at = lowerBound(key);
          System.arraycopy(levels, at + 1, levels, at, count - at - 1);
          System.arraycopy(keys, at + 1, keys, at, count - at - 1);
        }
        count--;
        if (count == 0) {
          refill();
        }
      } else {
        far.remove(key);
      }
    }

    /** Brings the best deep levels up once the near ones ran out. */
    private void refill() {
      int n = Math.min(NEAR / 2, far.size());
      for (int i = n - 1; i >= 0; i--) {
        Map.Entry<Long, Integer> e = far.pollLastEntry();
        keys[i] = e.getKey();
        levels[i] = e.getValue();
      }
      count = n;
    }

    /**
     * Copies the levels whose key is at least {@code minKey}, best first, up to {@code max} of
     * them, into {@code out}; returns how many.
     */
    int bestFirst(long minKey, int max, int[] out) {
      int n = 0;
      for (int i = count - 1; i >= 0 && n < max && keys[i] >= minKey; i--) {
        out[n++] = levels[i];
      }
      if (n < max && n == count) {
        for (int level : far.tailMap(minKey, true).descendingMap().values()) {
          if (n == max) {
            break;
          }
          out[n++] = level;
        }
      }
      return n;
    }

    /** All levels in ascending key order with their keys, for the consistency check. */
    long[][] ascending() {
      long[][] out = new long[size()][];
      int n = 0;
      for (Map.Entry<Long, Integer> e : far.entrySet()) {
        out[n++] = new long[] {e.getKey(), e.getValue()};
      }
      for (int i = 0; i < count; i++) {
        out[n++] = new long[] {keys[i], levels[i]};
      }
      return out;
    }

    /** The index of the first near key at or above {@code key}. */
    private int lowerBound(long key) {
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (keys[mid] < key) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  ArrayOrderBook(long lotSize, boolean selfTradePrevention, int expectedOrders) {
    if (lotSize < 1) {
      throw new IllegalArgumentException("lotSize must be >= 1, was " + lotSize);
    }
    if (expectedOrders < 1) {
      throw new IllegalArgumentException("expectedOrders must be >= 1, was " + expectedOrders);
    }
    this.lotSize = lotSize;
    this.selfTradePrevention = selfTradePrevention;
    ids = new long[expectedOrders];
    accounts = new long[expectedOrders];
    remainings = new long[expectedOrders];
    vintages = new int[expectedOrders];
    nexts = new int[expectedOrders];
    prevs = new int[expectedOrders];
    levelOf = new int[expectedOrders];
    freeOrders = new int[expectedOrders];
    int expectedLevels = 256;
    levelPrices = new long[expectedLevels];
    levelQuantities = new long[expectedLevels];
    levelHeads = new int[expectedLevels];
    levelTails = new int[expectedLevels];
    levelIsBid = new boolean[expectedLevels];
    freeLevels = new int[expectedLevels];
  }

  @Override
  public long place(
      long orderId,
      long account,
      Side side,
      OrderType type,
      long priceCents,
      long quantity,
      int vintage,
      long cashBudgetCents,
      MatchListener listener) {
    requireNew(orderId, quantity);
    long left =
        side == Side.BUY
            ? matchBuy(orderId, account, type, priceCents, quantity, cashBudgetCents, listener)
            : matchSell(orderId, account, type, priceCents, quantity, vintage, listener);
    if (left > 0 && type == OrderType.LIMIT) {
      addResting(orderId, account, side, priceCents, left, vintage);
    }
    return left;
  }

  @Override
  public void rest(
      long orderId, long account, Side side, long priceCents, long quantity, int vintage) {
    requireNew(orderId, quantity);
    addResting(orderId, account, side, priceCents, quantity, vintage);
  }

  private void requireNew(long orderId, long quantity) {
    if (orderId <= lastOrderId) {
      throw new IllegalArgumentException(
          "order ids must increase (they are the arrival order): "
              + orderId
              + " <= "
              + lastOrderId);
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be >= 1, was " + quantity);
    }
    lastOrderId = orderId;
  }

  private long matchBuy(
      long orderId,
      long account,
      OrderType type,
      long limitCents,
      long quantity,
      long budgetCents,
      MatchListener listener) {
    boolean market = type == OrderType.MARKET;
    long budget = budgetCents;
    long left = quantity;
    Ladder ladder = asks;
    while (left > 0 && ladder.count > 0) {
      int level = ladder.best();
      long price = levelPrices[level];
      if (!market && price > limitCents) {
        break;
      }
      long affordable = Long.MAX_VALUE;
      if (market) {
        affordable = budget / price;
        affordable -= affordable % lotSize;
        if (affordable == 0) {
          break;
        }
      }
      int slot = levelHeads[level];
      if (selfTradePrevention && accounts[slot] == account) {
        cancelForSelfTrade(slot, listener);
        continue;
      }
      long fill = Math.min(Math.min(left, remainings[slot]), affordable);
      if (market) {
        budget -= price * fill;
      }
      listener.traded(
          ids[slot], accounts[slot], orderId, account, true, vintages[slot], price, fill);
      left -= fill;
      fillResting(slot, fill);
    }
    return left;
  }

  private long matchSell(
      long orderId,
      long account,
      OrderType type,
      long limitCents,
      long quantity,
      int vintage,
      MatchListener listener) {
    boolean market = type == OrderType.MARKET;
    long left = quantity;
    Ladder ladder = bids;
    while (left > 0 && ladder.count > 0) {
      int level = ladder.best();
      long price = levelPrices[level];
      if (!market && price < limitCents) {
        break;
      }
      int slot = levelHeads[level];
      if (selfTradePrevention && accounts[slot] == account) {
        cancelForSelfTrade(slot, listener);
        continue;
      }
      long fill = Math.min(left, remainings[slot]);
      listener.traded(ids[slot], accounts[slot], orderId, account, false, vintage, price, fill);
      left -= fill;
      fillResting(slot, fill);
    }
    return left;
  }

  private void cancelForSelfTrade(int slot, MatchListener listener) {
    int level = levelOf[slot];
    boolean bid = levelIsBid[level];
    long left = remainings[slot];
    listener.selfTradeCancelled(
        ids[slot],
        accounts[slot],
        bid ? Side.BUY : Side.SELL,
        levelPrices[level],
        left,
        vintages[slot]);
    fillResting(slot, left);
  }

  /** Takes quantity off a resting order, removing the order and its level when emptied. */
  private void fillResting(int slot, long quantity) {
    int level = levelOf[slot];
    remainings[slot] -= quantity;
    levelQuantities[level] -= quantity;
    if (levelIsBid[level]) {
      restingBuyCents -= levelPrices[level] * quantity;
    } else {
      restingSellQuantity -= quantity;
    }
    if (remainings[slot] == 0) {
      removeOrder(slot);
    }
  }

  private void removeOrder(int slot) {
    int level = levelOf[slot];
    int prev = prevs[slot];
    int next = nexts[slot];
    if (prev == NIL) {
      levelHeads[level] = next;
    } else {
      nexts[prev] = next;
    }
    if (next == NIL) {
      levelTails[level] = prev;
    } else {
      prevs[next] = prev;
    }
    slotById.remove(ids[slot]);
    freeOrders[freeOrderCount++] = slot;
    if (levelHeads[level] == NIL) {
      removeLevel(level);
    }
  }

  private void addResting(
      long orderId, long account, Side side, long priceCents, long quantity, int vintage) {
    boolean bid = side == Side.BUY;
    int level =
        findOrInsertLevel(bid ? bids : asks, bid ? priceCents : -priceCents, priceCents, bid);
    int slot = allocateOrder();
    ids[slot] = orderId;
    accounts[slot] = account;
    remainings[slot] = quantity;
    vintages[slot] = vintage;
    levelOf[slot] = level;
    int tail = levelTails[level];
    prevs[slot] = tail;
    nexts[slot] = NIL;
    if (tail == NIL) {
      levelHeads[level] = slot;
    } else {
      nexts[tail] = slot;
    }
    levelTails[level] = slot;
    levelQuantities[level] += quantity;
    if (bid) {
      restingBuyCents = Math.addExact(restingBuyCents, Math.multiplyExact(priceCents, quantity));
    } else {
      restingSellQuantity = Math.addExact(restingSellQuantity, quantity);
    }
    slotById.putNew(orderId, slot);
  }

  @Override
  public long cancel(long orderId) {
    int slot = slotById.get(orderId);
    if (slot == OrderIndex.MISSING) {
      return 0;
    }
    long left = remainings[slot];
    fillResting(slot, left);
    return left;
  }

  @Override
  public long uncross(long referenceCents, MatchListener listener) {
    lastUncrossPriceCents = NO_PRICE;
    if (bids.count == 0 || asks.count == 0) {
      return 0;
    }
    long bestBid = levelPrices[bids.best()];
    long bestAsk = levelPrices[asks.best()];
    if (bestBid < bestAsk) {
      return 0;
    }
    long price = uniformPrice(bestBid, bestAsk, referenceCents);
    lastUncrossPriceCents = price;
    long executed = 0;
    while (bids.count > 0 && asks.count > 0) {
      int bidLevel = bids.best();
      int askLevel = asks.best();
      if (levelPrices[bidLevel] < price || levelPrices[askLevel] > price) {
        break;
      }
      int buy = levelHeads[bidLevel];
      int sell = levelHeads[askLevel];
      if (selfTradePrevention && accounts[buy] == accounts[sell]) {
        cancelForSelfTrade(ids[buy] > ids[sell] ? buy : sell, listener);
        continue;
      }
      long fill = Math.min(remainings[buy], remainings[sell]);
      listener.auctionTraded(
          ids[buy],
          accounts[buy],
          levelPrices[bidLevel],
          ids[sell],
          accounts[sell],
          vintages[sell],
          price,
          fill);
      executed += fill;
      fillResting(buy, fill);
      fillResting(sell, fill);
    }
    return executed;
  }

  /**
   * Walks the candidate prices in [bestAsk, bestBid] upwards, keeping demand (bids at or above the
   * price) and supply (asks at or below it) as running sums, and keeps the best candidate by
   * volume, then imbalance, then distance to the reference, then lowest price.
   */
  private long uniformPrice(long bestBid, long bestAsk, long referenceCents) {
    // The crossing levels only: bids at or above the best ask, asks at or below the best bid.
    int[] crossingBids = new int[bids.size()];
    int nb = bids.bestFirst(bestAsk, crossingBids.length, crossingBids);
    int[] crossingAsks = new int[asks.size()];
    int na = asks.bestFirst(-bestBid, crossingAsks.length, crossingAsks);
    int bi = nb - 1;
    long demand = 0;
    for (int i = 0; i < nb; i++) {
      demand += levelQuantities[crossingBids[i]];
    }
    int ai = 0;
    long supply = 0;
    long bestPrice = NO_PRICE;
    long bestVolume = -1;
    long bestImbalance = 0;
    long bestDistance = 0;
    while (true) {
      long nextBid = bi >= 0 ? levelPrices[crossingBids[bi]] : Long.MAX_VALUE;
      long nextAsk = ai < na ? levelPrices[crossingAsks[ai]] : Long.MAX_VALUE;
      long price = Math.min(nextBid, nextAsk);
      if (price > bestBid) {
        break;
      }
      if (nextAsk == price) {
        supply += levelQuantities[crossingAsks[ai]];
        ai++;
      }
      long volume = Math.min(demand, supply);
      long imbalance = Math.abs(demand - supply);
      long distance = referenceCents == NO_PRICE ? 0 : Math.abs(price - referenceCents);
      if (volume > bestVolume
          || volume == bestVolume
              && (imbalance < bestImbalance
                  || imbalance == bestImbalance && distance < bestDistance)) {
        bestPrice = price;
        bestVolume = volume;
        bestImbalance = imbalance;
        bestDistance = distance;
      }
      if (nextBid == price) {
        demand -= levelQuantities[crossingBids[bi]];
        bi--;
      }
    }
    return bestPrice;
  }

  private int findOrInsertLevel(Ladder ladder, long key, long priceCents, boolean bid) {
    int count = ladder.count;
    if (count == 0 || ladder.keys[count - 1] < key) {
      return newLevel(ladder, key, priceCents, bid);
    }
    int level = ladder.find(key);
    return level != NIL ? level : newLevel(ladder, key, priceCents, bid);
  }

  private int newLevel(Ladder ladder, long key, long priceCents, boolean bid) {
    int level = allocateLevel();
    levelPrices[level] = priceCents;
    levelQuantities[level] = 0;
    levelHeads[level] = NIL;
    levelTails[level] = NIL;
    levelIsBid[level] = bid;
    ladder.insert(key, level);
    return level;
  }

  private void removeLevel(int level) {
    boolean bid = levelIsBid[level];
    Ladder ladder = bid ? bids : asks;
    ladder.remove(bid ? levelPrices[level] : -levelPrices[level]);
    freeLevels[freeLevelCount++] = level;
  }

  private int allocateOrder() {
    if (freeOrderCount > 0) {
      return freeOrders[--freeOrderCount];
    }
    if (orderHighWater == ids.length) {
      int n = ids.length * 2;
      ids = Arrays.copyOf(ids, n);
      accounts = Arrays.copyOf(accounts, n);
      remainings = Arrays.copyOf(remainings, n);
      vintages = Arrays.copyOf(vintages, n);
      nexts = Arrays.copyOf(nexts, n);
      prevs = Arrays.copyOf(prevs, n);
      levelOf = Arrays.copyOf(levelOf, n);
      freeOrders = Arrays.copyOf(freeOrders, n);
    }
    return orderHighWater++;
  }

  private int allocateLevel() {
    if (freeLevelCount > 0) {
      return freeLevels[--freeLevelCount];
    }
    if (levelHighWater == levelPrices.length) {
      int n = levelPrices.length * 2;
      levelPrices = Arrays.copyOf(levelPrices, n);
      levelQuantities = Arrays.copyOf(levelQuantities, n);
      levelHeads = Arrays.copyOf(levelHeads, n);
      levelTails = Arrays.copyOf(levelTails, n);
      levelIsBid = Arrays.copyOf(levelIsBid, n);
      freeLevels = Arrays.copyOf(freeLevels, n);
    }
    return levelHighWater++;
  }

  @Override
  public long lastUncrossPriceCents() {
    return lastUncrossPriceCents;
  }

  @Override
  public boolean contains(long orderId) {
    return slotById.get(orderId) != OrderIndex.MISSING;
  }

  private int slotOf(long orderId) {
    int slot = slotById.get(orderId);
    if (slot == OrderIndex.MISSING) {
      throw new IllegalArgumentException("orderId not on the book: " + orderId);
    }
    return slot;
  }

  @Override
  public long account(long orderId) {
    return accounts[slotOf(orderId)];
  }

  @Override
  public Side side(long orderId) {
    return levelIsBid[levelOf[slotOf(orderId)]] ? Side.BUY : Side.SELL;
  }

  @Override
  public long priceCents(long orderId) {
    return levelPrices[levelOf[slotOf(orderId)]];
  }

  @Override
  public long remaining(long orderId) {
    return remainings[slotOf(orderId)];
  }

  @Override
  public int vintage(long orderId) {
    return vintages[slotOf(orderId)];
  }

  @Override
  public long bestBidCents() {
    return bids.count == 0 ? NO_PRICE : levelPrices[bids.best()];
  }

  @Override
  public long bestAskCents() {
    return asks.count == 0 ? NO_PRICE : levelPrices[asks.best()];
  }

  @Override
  public int orderCount() {
    return slotById.size();
  }

  @Override
  public int levelCount(Side side) {
    return side == Side.BUY ? bids.size() : asks.size();
  }

  @Override
  public int depth(Side side, int levels, long[] pricesCents, long[] quantities) {
    Ladder ladder = side == Side.BUY ? bids : asks;
    int max =
        Math.min(Math.min(levels, ladder.size()), Math.min(pricesCents.length, quantities.length));
    int[] best = new int[max];
    int n = ladder.bestFirst(Long.MIN_VALUE, max, best);
    for (int i = 0; i < n; i++) {
      pricesCents[i] = levelPrices[best[i]];
      quantities[i] = levelQuantities[best[i]];
    }
    return n;
  }

  @Override
  public long restingBuyCents() {
    return restingBuyCents;
  }

  @Override
  public long restingSellQuantity() {
    return restingSellQuantity;
  }

  @Override
  public void forEachOrder(OrderVisitor visitor) {
    visitSide(bids, Side.BUY, visitor);
    visitSide(asks, Side.SELL, visitor);
  }

  private void visitSide(Ladder ladder, Side side, OrderVisitor visitor) {
    int[] best = new int[ladder.size()];
    int n = ladder.bestFirst(Long.MIN_VALUE, best.length, best);
    for (int i = 0; i < n; i++) {
      int level = best[i];
      for (int slot = levelHeads[level]; slot != NIL; slot = nexts[slot]) {
        visitor.order(
            ids[slot], accounts[slot], side, levelPrices[level], remainings[slot], vintages[slot]);
      }
    }
  }

  /** Verifies the invariants in the class comment; throws {@link AssertionError}. */
  void checkConsistency() {
    long buyCents = 0;
    long sellQuantity = 0;
    int orders = 0;
    for (Ladder ladder : new Ladder[] {bids, asks}) {
      if (ladder.count > Ladder.NEAR || ladder.count == 0 && !ladder.far.isEmpty()) {
        throw new AssertionError("ladder holds " + ladder.count + " near levels");
      }
      long[][] ascending = ladder.ascending();
      for (int i = 0; i < ascending.length; i++) {
        int level = (int) ascending[i][1];
        if (i > 0 && ascending[i - 1][0] >= ascending[i][0]) {
          throw new AssertionError("levels out of order at index " + i);
        }
        if (ascending[i][0] != (levelIsBid[level] ? levelPrices[level] : -levelPrices[level])) {
          throw new AssertionError("level " + levelPrices[level] + " is filed under another key");
        }
        long sum = 0;
        for (int slot = levelHeads[level]; slot != NIL; slot = nexts[slot]) {
          if (levelOf[slot] != level || remainings[slot] <= 0 || slotById.get(ids[slot]) != slot) {
            throw new AssertionError("order " + ids[slot] + " is inconsistent");
          }
          sum += remainings[slot];
          orders++;
        }
        if (sum != levelQuantities[level] || sum <= 0) {
          throw new AssertionError(
              "level "
                  + levelPrices[level]
                  + " quantity "
                  + levelQuantities[level]
                  + " != orders "
                  + sum);
        }
        if (ladder == bids) {
          buyCents += levelPrices[level] * sum;
        } else {
          sellQuantity += sum;
        }
      }
    }
    if (orders != slotById.size()) {
      throw new AssertionError("id map holds " + slotById.size() + " orders, levels " + orders);
    }
    if (buyCents != restingBuyCents || sellQuantity != restingSellQuantity) {
      throw new AssertionError("reservation totals drifted from the resting orders");
    }
  }
}
