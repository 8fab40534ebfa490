package dev.tangram.engine.flows;

import org.junit.jupiter.api.BeforeAll;

/** The flow scenarios on the real PostgreSQL at 127.0.0.1:5432 (database test), in a fresh schema. */
class FlowPostgresIntegrationTests extends FlowScenarios {

  @BeforeAll
  static void startPostgres() {
    start("postgres");
  }
}
