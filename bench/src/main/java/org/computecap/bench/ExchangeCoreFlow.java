package org.computecap.bench;

import exchange.core2.core.ExchangeApi;
import exchange.core2.core.ExchangeCore;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.CoreWaitStrategy;
import exchange.core2.core.common.L2MarketData;
import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.api.ApiAddUser;
import exchange.core2.core.common.api.ApiAdjustUserBalance;
import exchange.core2.core.common.api.ApiPlaceOrder;
import exchange.core2.core.common.api.binary.BatchAddSymbolsCommand;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.InitialStateConfiguration;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.common.config.OrdersProcessingConfiguration;
import exchange.core2.core.common.config.OrdersProcessingConfiguration.MarginTradingMode;
import exchange.core2.core.common.config.OrdersProcessingConfiguration.RiskProcessingMode;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.common.config.ReportsQueriesConfiguration;
import exchange.core2.core.common.config.SerializationConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The anchor of the head-to-head: exchange-core 0.5.3 (the LMAX-style exchange) on the same flow,
 * configured as the issue asks: full per-currency risk checks (bids hold price · size of the quote
 * currency, asks their size of the base currency), one currency-pair symbol with tick and lot 1 and
 * no fees, one matching engine and one risk engine, the YIELDING wait strategy, no journaling, and
 * plain threads (no CPU pinning: the machine is shared). Each account gets the same ample balances
 * as in our engine. The orders are built before the clock starts; a run ends when the results
 * consumer has seen the last order.
 */
final class ExchangeCoreFlow implements AutoCloseable {
  private static final int SYMBOL = 1;
  private static final int PERMITS = 1;
  private static final int CASH = 2;

  private final ExchangeCore core;
  private final ExchangeApi api;
  private final ApiPlaceOrder[] orders;
  private volatile long placed;
  private long fills;
  private long iocRemainders;
  private long rejected;

  private ExchangeCoreFlow(OrderFlow flow) {
    ExchangeConfiguration config =
        ExchangeConfiguration.builder()
            .ordersProcessingCfg(
                OrdersProcessingConfiguration.builder()
                    .riskProcessingMode(RiskProcessingMode.FULL_PER_CURRENCY)
                    .marginTradingMode(MarginTradingMode.MARGIN_TRADING_DISABLED)
                    .build())
            .performanceCfg(
                PerformanceConfiguration.throughputPerformanceBuilder()
                    .matchingEnginesNum(1)
                    .riskEnginesNum(1)
                    .waitStrategy(CoreWaitStrategy.YIELDING)
                    .threadFactory(
                        r -> {
                          Thread t = new Thread(r, "exchange-core");
                          t.setDaemon(true);
                          return t;
                        })
                    .build())
            .initStateCfg(InitialStateConfiguration.CLEAN_TEST)
            .reportsQueriesCfg(ReportsQueriesConfiguration.DEFAULT)
            .loggingCfg(LoggingConfiguration.DEFAULT)
            .serializationCfg(SerializationConfiguration.DEFAULT)
            .build();
    core =
        ExchangeCore.builder()
            .resultsConsumer(this::onResult)
            .exchangeConfiguration(config)
            .build();
    core.startup();
    api = core.getApi();
    orders = orders(flow);
  }

  /** A started exchange-core with the symbol and funded users, ready to run {@code flow}. */
  static ExchangeCoreFlow prepare(OrderFlow flow) {
    ExchangeCoreFlow run = new ExchangeCoreFlow(flow);
    run.setUp(flow.maxAccount());
    return run;
  }

  private static ApiPlaceOrder[] orders(OrderFlow flow) {
    ApiPlaceOrder[] orders = new ApiPlaceOrder[flow.size];
    for (int i = 0; i < flow.size; i++) {
      orders[i] =
          ApiPlaceOrder.builder()
              .symbol(SYMBOL)
              .uid(flow.accounts[i])
              .orderId(flow.ids[i])
              .action(flow.buys[i] ? OrderAction.BID : OrderAction.ASK)
              .orderType(flow.iocs[i] ? OrderType.IOC : OrderType.GTC)
              .price(flow.prices[i])
              .reservePrice(flow.prices[i])
              .size(flow.quantities[i])
              .build();
    }
    return orders;
  }

  private void setUp(int accounts) {
    CoreSymbolSpecification symbol =
        CoreSymbolSpecification.builder()
            .symbolId(SYMBOL)
            .type(SymbolType.CURRENCY_EXCHANGE_PAIR)
            .baseCurrency(PERMITS)
            .quoteCurrency(CASH)
            .baseScaleK(1)
            .quoteScaleK(1)
            .takerFee(0)
            .makerFee(0)
            .build();
    expectSuccess(api.submitBinaryDataAsync(new BatchAddSymbolsCommand(symbol)).join());
    List<CompletableFuture<CommandResultCode>> pending = new ArrayList<>();
    long transaction = 1;
    for (long uid = 1; uid <= accounts; uid++) {
      pending.add(api.submitCommandAsync(ApiAddUser.builder().uid(uid).build()));
      pending.add(
          api.submitCommandAsync(
              ApiAdjustUserBalance.builder()
                  .uid(uid)
                  .currency(PERMITS)
                  .amount(EngineFlow.PERMITS_EACH)
                  .transactionId(transaction++)
                  .build()));
      pending.add(
          api.submitCommandAsync(
              ApiAdjustUserBalance.builder()
                  .uid(uid)
                  .currency(CASH)
                  .amount(EngineFlow.CASH_EACH_CENTS)
                  .transactionId(transaction++)
                  .build()));
    }
    for (CompletableFuture<CommandResultCode> f : pending) {
      expectSuccess(f.join());
    }
  }

  private static void expectSuccess(CommandResultCode code) {
    if (code != CommandResultCode.SUCCESS) {
      throw new IllegalStateException("exchange-core set-up failed: " + code);
    }
  }

  // Runs on exchange-core's results thread, for every command in order.
  private void onResult(OrderCommand cmd, long seq) {
    if (cmd.command != OrderCommandType.PLACE_ORDER) {
      return;
    }
    if (cmd.resultCode != CommandResultCode.SUCCESS) {
      rejected++;
    }
    for (MatcherTradeEvent e = cmd.matcherEvent; e != null; e = e.nextEvent) {
      if (e.eventType == MatcherEventType.TRADE) {
        fills++;
      } else if (e.eventType == MatcherEventType.REJECT) {
        iocRemainders++;
      }
    }
    placed = placed + 1;
  }

  /** Submits every order and waits until the results consumer has seen the last one. */
  private long submitAll() {
    for (ApiPlaceOrder order : orders) {
      api.submitCommand(order);
    }
    long target = orders.length;
    while (placed < target) {
      Thread.onSpinWait();
    }
    return placed;
  }

  /** Runs the flow (the measured part) and reads the final book. */
  FlowOutcome run() {
    submitAll();
    L2MarketData book = api.requestOrderBookAsync(SYMBOL, Integer.MAX_VALUE).join();
    long resting = 0;
    for (int i = 0; i < book.askSize; i++) {
      resting += book.askOrders[i];
    }
    for (int i = 0; i < book.bidSize; i++) {
      resting += book.bidOrders[i];
    }
    // The consumer's counters were written before its last volatile write to placed.
    return new FlowOutcome(
        fills,
        iocRemainders,
        rejected,
        resting,
        book.bidSize,
        book.askSize,
        book.bidSize > 0 ? book.bidPrices[0] : 0,
        book.askSize > 0 ? book.askPrices[0] : 0);
  }

  @Override
  public void close() {
    core.shutdown();
  }
}
