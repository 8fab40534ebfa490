package dev.tangram.engine.flows;

import org.junit.jupiter.api.BeforeAll;

/** The flow scenarios on Flowable's embedded default, H2. */
class FlowH2IntegrationTests extends FlowScenarios {

  @BeforeAll
  static void startH2() {
    start("h2");
  }
}
