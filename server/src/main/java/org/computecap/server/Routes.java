package org.computecap.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The route table, and nothing else: every feature's routes in one list, in the order the OpenAPI
 * document and the tests walk them. The table registers the routes with Javalin ({@link HttpApi}),
 * generates {@code /openapi.json} ({@link OpenApi}), and drives the authorization matrix and
 * bad-input tests, so the three cannot drift apart.
 */
final class Routes {
  private Routes() {}

  static List<Route> table(Services s) {
    List<Route> table = new ArrayList<>();
    Supplier<Map<String, Object>> doc =
        new Supplier<>() {
          private Map<String, Object> built;

          @Override
          public synchronized Map<String, Object> get() {
            if (built == null) {
              built = OpenApi.document(table);
            }
            return built;
          }
        };
    table.addAll(new MarketApi(s, doc).routes());
    table.addAll(new AccountApi(s).routes());
    table.addAll(new AccessApi(s).routes());
    table.addAll(new RegistryApi(s).routes());
    table.addAll(new ExchangeApi(s).routes());
    table.addAll(new AllocationApi(s).routes());
    table.addAll(new AuctionApi(s).routes());
    table.addAll(new PriceControlApi(s).routes());
    table.addAll(new ComplianceApi(s).routes());
    table.addAll(new RepresentativesApi(s).routes());
    table.addAll(new PublicReportApi(s).routes());
    table.addAll(new LifecycleApi(s).routes());
    table.addAll(new SerialApi(s).routes());

    table.addAll(new MeteringApi(s).routes());
    table.addAll(new CollateralApi(s).routes());
    table.addAll(new SignInApi(s, s.sessions()).routes());
    table.addAll(new OidcSignIn(s.sessions(), s.model(), s.json()).routes());
    return List.copyOf(table);
  }
}
