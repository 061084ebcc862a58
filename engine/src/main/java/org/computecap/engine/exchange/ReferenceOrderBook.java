package org.computecap.engine.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.computecap.engine.command.OrderType;
import org.computecap.engine.command.Side;

/**
 * The naive order book: two lists of order objects kept sorted by price then arrival, and linear
 * scans for everything. It is slow on purpose so that it is obviously right; tests run it beside
 * {@link ArrayOrderBook} on random flows and compare every callback and the state after every
 * command. It follows the rules written in {@link OrderBook}'s comment, and its call auction tries
 * every candidate price from scratch rather than with running sums.
 */
final class ReferenceOrderBook implements OrderBook {
  private final long lotSize;
  private final boolean selfTradePrevention;

  /** Best first: highest price, then earliest. */
  private final List<Order> bids = new ArrayList<>();

  /** Best first: lowest price, then earliest. */
  private final List<Order> asks = new ArrayList<>();

  private long lastOrderId;
  private long lastUncrossPriceCents = NO_PRICE;

  private static final class Order {
    long id;
    long account;
    Side side;
    long price;
    long remaining;
    int vintage;
  }

  ReferenceOrderBook(long lotSize, boolean selfTradePrevention) {
    if (lotSize < 1) {
      throw new IllegalArgumentException("lotSize must be >= 1, was " + lotSize);
    }
    this.lotSize = lotSize;
    this.selfTradePrevention = selfTradePrevention;
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
    List<Order> opposite = side == Side.BUY ? asks : bids;
    long left = quantity;
    long budget = cashBudgetCents;
    while (left > 0 && !opposite.isEmpty()) {
      Order maker = opposite.get(0);
      boolean crosses =
          type == OrderType.MARKET
              || (side == Side.BUY ? maker.price <= priceCents : maker.price >= priceCents);
      if (!crosses) {
        break;
      }
      long fill = Math.min(left, maker.remaining);
      if (type == OrderType.MARKET && side == Side.BUY) {
        long lots = budget / maker.price / lotSize;
        if (lots == 0) {
          break;
        }
        fill = Math.min(fill, lots * lotSize);
      }
      if (selfTradePrevention && maker.account == account) {
        opposite.remove(0);
        listener.selfTradeCancelled(
            maker.id, maker.account, maker.side, maker.price, maker.remaining, maker.vintage);
        continue;
      }
      if (type == OrderType.MARKET && side == Side.BUY) {
        budget -= fill * maker.price;
      }
      listener.traded(
          maker.id,
          maker.account,
          orderId,
          account,
          side == Side.BUY,
          side == Side.BUY ? maker.vintage : vintage,
          maker.price,
          fill);
      left -= fill;
      maker.remaining -= fill;
      if (maker.remaining == 0) {
        opposite.remove(0);
      }
    }
    if (left > 0 && type == OrderType.LIMIT) {
      insert(orderId, account, side, priceCents, left, vintage);
    }
    return left;
  }

  @Override
  public void rest(
      long orderId, long account, Side side, long priceCents, long quantity, int vintage) {
    requireNew(orderId, quantity);
    insert(orderId, account, side, priceCents, quantity, vintage);
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

  private void insert(
      long orderId, long account, Side side, long price, long quantity, int vintage) {
    Order order = new Order();
    order.id = orderId;
    order.account = account;
    order.side = side;
    order.price = price;
    order.remaining = quantity;
    order.vintage = vintage;
    List<Order> list = side == Side.BUY ? bids : asks;
    int at = 0;
    while (at < list.size() && !better(order, list.get(at))) {
      at++;
    }
    list.add(at, order);
  }

  /** Whether a new order goes strictly ahead of a resting one (a better price). */
  private static boolean better(Order incoming, Order resting) {
    return incoming.side == Side.BUY
        ? incoming.price > resting.price
        : incoming.price < resting.price;
  }

  @Override
  public long cancel(long orderId) {
    Order order = find(orderId);
    if (order == null) {
      return 0;
    }
    (order.side == Side.BUY ? bids : asks).remove(order);
    return order.remaining;
  }

  @Override
  public long uncross(long referenceCents, MatchListener listener) {
    lastUncrossPriceCents = NO_PRICE;
    TreeSet<Long> candidates = new TreeSet<>();
    bids.forEach(o -> candidates.add(o.price));
    asks.forEach(o -> candidates.add(o.price));
    long bestPrice = NO_PRICE;
    long bestVolume = 0;
    long bestImbalance = 0;
    long bestDistance = 0;
    for (long price : candidates) {
      long demand = 0;
      for (Order o : bids) {
        demand += o.price >= price ? o.remaining : 0;
      }
      long supply = 0;
      for (Order o : asks) {
        supply += o.price <= price ? o.remaining : 0;
      }
      long volume = Math.min(demand, supply);
      long imbalance = Math.abs(demand - supply);
      long distance = referenceCents == NO_PRICE ? 0 : Math.abs(price - referenceCents);
      boolean wins =
          volume > bestVolume
              || volume == bestVolume
                  && volume > 0
                  && (imbalance < bestImbalance
                      || imbalance == bestImbalance && distance < bestDistance);
      if (wins) {
        bestPrice = price;
        bestVolume = volume;
        bestImbalance = imbalance;
        bestDistance = distance;
      }
    }
    if (bestVolume == 0) {
      return 0;
    }
    lastUncrossPriceCents = bestPrice;
    long executed = 0;
    while (!bids.isEmpty()
        && !asks.isEmpty()
        && bids.get(0).price >= bestPrice
        && asks.get(0).price <= bestPrice) {
      Order buy = bids.get(0);
      Order sell = asks.get(0);
      if (selfTradePrevention && buy.account == sell.account) {
        Order newer = buy.id > sell.id ? buy : sell;
        (newer == buy ? bids : asks).remove(0);
        listener.selfTradeCancelled(
            newer.id, newer.account, newer.side, newer.price, newer.remaining, newer.vintage);
        continue;
      }
      long fill = Math.min(buy.remaining, sell.remaining);
      listener.auctionTraded(
          buy.id, buy.account, buy.price, sell.id, sell.account, sell.vintage, bestPrice, fill);
      executed += fill;
      buy.remaining -= fill;
      sell.remaining -= fill;
      if (buy.remaining == 0) {
        bids.remove(0);
      }
      if (sell.remaining == 0) {
        asks.remove(0);
      }
    }
    return executed;
  }

  @Override
  public long lastUncrossPriceCents() {
    return lastUncrossPriceCents;
  }

  private Order find(long orderId) {
    for (Order o : bids) {
      if (o.id == orderId) {
        return o;
      }
    }
    for (Order o : asks) {
      if (o.id == orderId) {
        return o;
      }
    }
    return null;
  }

  private Order existing(long orderId) {
    Order order = find(orderId);
    if (order == null) {
      throw new IllegalArgumentException("orderId not on the book: " + orderId);
    }
    return order;
  }

  @Override
  public boolean contains(long orderId) {
    return find(orderId) != null;
  }

  @Override
  public long account(long orderId) {
    return existing(orderId).account;
  }

  @Override
  public Side side(long orderId) {
    return existing(orderId).side;
  }

  @Override
  public long priceCents(long orderId) {
    return existing(orderId).price;
  }

  @Override
  public long remaining(long orderId) {
    return existing(orderId).remaining;
  }

  @Override
  public int vintage(long orderId) {
    return existing(orderId).vintage;
  }

  @Override
  public long bestBidCents() {
    return bids.isEmpty() ? NO_PRICE : bids.get(0).price;
  }

  @Override
  public long bestAskCents() {
    return asks.isEmpty() ? NO_PRICE : asks.get(0).price;
  }

  @Override
  public int orderCount() {
    return bids.size() + asks.size();
  }

  @Override
  public int levelCount(Side side) {
    List<Order> list = side == Side.BUY ? bids : asks;
    int levels = 0;
    for (int i = 0; i < list.size(); i++) {
      if (i == 0 || list.get(i).price != list.get(i - 1).price) {
        levels++;
      }
    }
    return levels;
  }

  @Override
  public int depth(Side side, int levels, long[] pricesCents, long[] quantities) {
    int max = Math.min(levels, Math.min(pricesCents.length, quantities.length));
    int n = 0;
    for (Order o : side == Side.BUY ? bids : asks) {
      if (n > 0 && pricesCents[n - 1] == o.price) {
        quantities[n - 1] += o.remaining;
      } else if (n == max) {
        break;
      } else {
        pricesCents[n] = o.price;
        quantities[n] = o.remaining;
        n++;
      }
    }
    return n;
  }

  @Override
  public long restingBuyCents() {
    long sum = 0;
    for (Order o : bids) {
      sum += o.price * o.remaining;
    }
    return sum;
  }

  @Override
  public long restingSellQuantity() {
    long sum = 0;
    for (Order o : asks) {
      sum += o.remaining;
    }
    return sum;
  }

  @Override
  public void forEachOrder(OrderVisitor visitor) {
    for (Order o : bids) {
      visitor.order(o.id, o.account, o.side, o.price, o.remaining, o.vintage);
    }
    for (Order o : asks) {
      visitor.order(o.id, o.account, o.side, o.price, o.remaining, o.vintage);
    }
  }
}
