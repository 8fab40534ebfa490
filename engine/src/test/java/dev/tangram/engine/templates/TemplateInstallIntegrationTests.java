package dev.tangram.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormSummary;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installing, reinstalling, dependency order, an install stopped half-way, uninstall. */
class TemplateInstallIntegrationTests {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());

  EmbeddedMongo mongo;
  TemplateService templates;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    templates = TemplateTesting.service(mongo);
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  List<Record> records(String app, String form) {
    return mongo.records.query(app, form, new RecordQuery(List.of(), List.of(), 0, 100), ADMIN).items();
  }

  @Test
  void theCatalogListsEveryPackageWithWhatItNeedsAndCreates() {
    List<CatalogEntry> entries = templates.list();

    assertThat(entries).extracting(CatalogEntry::key).containsExactly("addon", "shop");
    CatalogEntry shop = entries.get(1);
    assertThat(shop.version()).isEqualTo("1.1.0"); // the highest of 0.9.0, 1.0.0, 1.1.0
    assertThat(shop.creates()).containsEntry("forms", 3).containsEntry("records", 4).containsEntry("roles", 1);
    assertThat(shop.parameters()).extracting(CatalogEntry.Parameter::key).containsExactly("approvalLimit");
    assertThat(shop.installedVersion()).isNull();
    assertThat(entries.get(0).requiredTemplates()).containsExactly("shop");
  }

  @Test
  void installCreatesPublishedFormsViewsFlowsAndSeedDataInTheChosenLanguage() {
    List<String> steps = new ArrayList<>();
    InstallResult result = templates.install("shop", "1.0.0", Json.MAPPER.readTree("{\"approvalLimit\": 8000}"), "zh-CN", false, "admin",
        (app, step, done, total) -> steps.add(done + "/" + total + " " + step));

    assertThat(result.status()).isEqualTo("installed");
    assertThat(result.created()).containsEntry("forms", 2).containsEntry("records", 3);
    assertThat(mongo.forms.list("shop")).extracting(FormSummary::publishedVersion).containsOnly(1);
    assertThat(mongo.forms.getDraft("shop", "product").name()).isEqualTo("产品");
    assertThat(mongo.forms.getDraft("shop", "product").findField("kind").orElseThrow().options().getFirst().label()).isEqualTo("商品");
    assertThat(mongo.forms.getDraft("shop", "order").triggers()).singleElement()
        .satisfies(t -> assertThat(t.script()).contains("8000 * 100"));
    assertThat(templates.flows("shop").get("order").toString()).contains("total > 8000");
    assertThat(templates.views("shop")).containsOnlyKeys("order_list", "sales");
    assertThat(templates.views("shop").get("order_list").get("title").asString()).isEqualTo("订单列表");
    Record order = records("shop", "order").getFirst();
    assertThat(order.data().get("total").decimalValue()).isEqualByComparingTo("17");
    String bolt = records("shop", "product").stream().filter(r -> r.data().get("code").asString().equals("BOLT")).findFirst().orElseThrow().id();
    assertThat(order.data().get("lines").get(0).get("product").asString()).isEqualTo(bolt);
    assertThat(steps).hasSize(13).last().asString().isEqualTo("13/13 flow:order");
    assertThat(templates.progress("shop").orElseThrow().state()).isEqualTo("installed");
    assertThat(templates.parameters("shop")).containsEntry("approvalLimit", 8000);
  }

  @Test
  void installingTwiceChangesNothing() {
    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);
    var before = mongo.forms.list("shop");

    InstallResult again = templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);

    assertThat(again.status()).isEqualTo("unchanged");
    assertThat(mongo.forms.list("shop")).isEqualTo(before);
    assertThat(records("shop", "product")).hasSize(2);
  }

  @Test
  void aDryRunSaysWhatWouldBeInstalledAndWritesNothing() {
    InstallResult plan = templates.install("addon", null, null, "en", true, "admin", InstallObserver.NONE);

    assertThat(plan.status()).isEqualTo("planned");
    assertThat(plan.installedFirst()).containsExactly("shop");
    assertThat(mongo.apps.list()).isEmpty();
    assertThat(templates.progress("shop")).isEmpty();
  }

  @Test
  void requiredTemplatesAreInstalledFirstAndCannotBeUninstalledWhileRequired() {
    InstallResult result = templates.install("addon", null, null, "en", false, "admin", InstallObserver.NONE);

    assertThat(result.installedFirst()).containsExactly("shop");
    assertThat(templates.isInstalled("shop")).isTrue();
    assertThatThrownBy(() -> templates.uninstall("shop", true, false, "admin"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("required by addon");
    templates.uninstall("addon", true, false, "admin");
    templates.uninstall("shop", true, false, "admin");
    assertThat(mongo.apps.list()).isEmpty();
  }

  @Test
  void anOlderVersionIsRefusedOverANewerOne() {
    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);

    assertThatThrownBy(() -> templates.install("shop", "0.9.0", null, "en", false, "admin", InstallObserver.NONE))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("not newer"));
    assertThatThrownBy(() -> templates.upgrade("shop", "0.9.0", null, java.util.Map.of(), false, "admin", InstallObserver.NONE))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.getMessage()).contains("not newer"));
  }

  @Test
  void badParametersAreRefusedAndNothingIsInstalled() {
    assertThatThrownBy(() -> templates.install("shop", "1.0.0", Json.MAPPER.readTree("{\"approvalLimit\":\"lots\",\"colour\":1}"), "en", false, "admin", InstallObserver.NONE))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(f -> f.field())
            .containsExactlyInAnyOrder("params.approvalLimit", "params.colour"));
    assertThat(mongo.apps.list()).isEmpty();
  }

  @Test
  void anInstallStoppedHalfWayIsFinishedAtTheNextStart() {
    assertThatThrownBy(() -> templates.install("shop", "1.0.0", null, "en", false, "admin", (app, step, done, total) -> {
      if (done == 6) {
        throw new IllegalStateException("power cut");
      }
    })).hasMessage("power cut");
    assertThat(templates.progress("shop").orElseThrow()).satisfies(p -> {
      assertThat(p.state()).isEqualTo("installing");
      assertThat(p.done()).isEqualTo(6);
    });

    TemplateService restarted = TemplateTesting.service(mongo);
    restarted.recoverInterrupted();

    assertThat(restarted.progress("shop").orElseThrow().state()).isEqualTo("installed");
    assertThat(mongo.forms.list("shop")).extracting(FormSummary::publishedVersion).containsOnly(1);
    assertThat(records("shop", "product")).hasSize(2);
    assertThat(records("shop", "order")).hasSize(1);
  }

  @Test
  void anInstallStoppedDuringSeedDataLoadsEveryRecordExactlyOnce() {
    assertThatThrownBy(() -> templates.install("shop", "1.0.0", null, "en", false, "admin", (app, step, done, total) -> {
      if (step.equals("data:data/products.json")) {
        throw new IllegalStateException("power cut");
      }
    }));
    TemplateService restarted = TemplateTesting.service(mongo);
    restarted.recoverInterrupted();
    restarted.recoverInterrupted();

    assertThat(records("shop", "product")).hasSize(2);
    assertThat(records("shop", "order")).hasSize(1);
  }

  @Test
  void aFailingStepRollsTheWholeInstallBack() {
    // dupshop's seed data loads product code BOLT twice; the code is unique, so its second record fails
    TemplateService service = TemplateTesting.service(mongo, "failing");

    assertThatThrownBy(() -> service.install("dupshop", null, null, "en", false, "admin", InstallObserver.NONE))
        .isInstanceOf(ConflictException.class);

    assertThat(mongo.apps.find("dupshop")).isEmpty();
    assertThat(mongo.forms.formKeys("dupshop")).isEmpty();
    assertThat(mongo.records.hasRecords("dupshop")).isFalse();
    assertThat(service.progress("dupshop")).isEmpty();
  }

  @Test
  void anAppKeyTakenByHandIsNotOverwritten() {
    mongo.apps.create("shop", null, null, "admin");

    assertThatThrownBy(() -> templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("not installed from a template");
    assertThat(mongo.forms.formKeys("shop")).isEmpty();
  }

  @Test
  void uninstallKeepsTheDataUnlessPurgedAndADryRunCountsIt() {
    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);

    UninstallResult plan = templates.uninstall("shop", false, true, "admin");
    assertThat(plan.status()).isEqualTo("planned");
    assertThat(plan.records()).containsEntry("product", 2L).containsEntry("order", 1L);
    assertThat(templates.isInstalled("shop")).isTrue();

    templates.uninstall("shop", false, false, "admin");
    assertThat(mongo.apps.find("shop")).isEmpty();
    assertThat(mongo.records.countAll("shop", "product")).isEqualTo(2);

    templates.install("shop", "1.0.0", null, "en", false, "admin", InstallObserver.NONE);
    assertThat(records("shop", "product")).hasSize(2); // kept data found again, seed not loaded twice
    assertThat(records("shop", "order")).hasSize(1);

    templates.uninstall("shop", true, false, "admin");
    assertThat(mongo.records.hasRecords("shop")).isFalse();
    assertThat(mongo.forms.formKeys("shop")).isEmpty();
  }
}
