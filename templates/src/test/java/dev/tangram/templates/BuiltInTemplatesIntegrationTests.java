package dev.tangram.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.InstallResult;
import dev.tangram.engine.templates.TemplateCatalog;
import dev.tangram.engine.templates.TemplateService;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every built-in template is a valid package and installs on a fresh engine in each language,
 * with its views and seed data; CRM and inventory side by side.
 */
class BuiltInTemplatesIntegrationTests {

  static final Actor ADMIN = Actor.user("admin", Set.of("ADMIN"), List.of());

  EmbeddedMongo mongo;
  TemplateService templates;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    TemplateCatalog catalog = new TemplateCatalog(getClass().getClassLoader(), List.of(), mongo.database, mongo.forms,
        EmbeddedMongo.sharedSandbox(), EmbeddedMongo.plugins(), Clock.systemDefaultZone());
    templates = new TemplateService(catalog, mongo.apps, mongo.forms, mongo.records, mongo.database, Clock.systemDefaultZone());
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  long count(String app, String form) {
    return mongo.records.query(app, form, new RecordQuery(List.of(), List.of(), 0, 1), ADMIN).total();
  }

  @Test
  void theCatalogListsEveryBuiltInTemplateAsValid() {
    List<CatalogEntry> entries = templates.list();
    assertThat(entries).extracting(CatalogEntry::key).contains("crm", "inventory", "oa");
    assertThat(entries).allSatisfy(e -> assertThat(e.problems()).as(e.key()).isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"crm,en,customer,Customer", "crm,zh-CN,customer,客户", "inventory,en,item,Item", "inventory,zh-CN,item,物料",
      "oa,en,leave_balance,Leave balance", "oa,zh-CN,leave_balance,假期余额"})
  void aBuiltInTemplateInstallsWithItsViewsAndSeedDataInEachLanguage(String key, String locale, String form, String name) {
    InstallResult result = templates.install(key, null, null, locale, false, "admin", (app, step, done, total) -> { });
    assertThat(result.status()).isEqualTo("installed");
    assertThat(mongo.forms.getLatestPublished(key, form).definition().name()).isEqualTo(name);
    assertThat(templates.views(key)).isNotEmpty();
    assertThat(count(key, form)).isPositive();
  }

  @Test
  void crmAndInventoryInstallSideBySide() {
    templates.install("inventory", null, null, "en", false, "admin", (app, step, done, total) -> { });
    templates.install("crm", null, null, "en", false, "admin", (app, step, done, total) -> { });
    assertThat(count("crm", "opportunity")).isEqualTo(3);
    assertThat(count("inventory", "sales_order")).isZero(); // seed opportunities are not won
  }
}
