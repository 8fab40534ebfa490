package dev.tangram.engine.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Invalid packages are refused whole, with every problem named by file and path. */
class TemplatePackageValidationTests {

  static EmbeddedMongo mongo;

  @BeforeAll
  static void start() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  private static TemplatePackage load(String dir) {
    return TemplateTesting.checker(mongo).load(TemplateFiles.folder(TemplateTesting.resources(dir)));
  }

  @Test
  void aValidPackageIsReadWhole() {
    TemplatePackage pkg = load("market/shop-1.0.0");

    assertThat(pkg.key()).isEqualTo("shop");
    assertThat(pkg.version()).isEqualTo(new SemVer(1, 0, 0));
    assertThat(pkg.forms()).containsOnlyKeys("product", "order");
    assertThat(pkg.flows()).containsOnlyKeys("order");
    assertThat(pkg.rules()).singleElement().extracting(TemplatePackage.RuleFile::form).isEqualTo("order");
    assertThat(pkg.labels().get("zh-CN")).containsEntry("product.kind=good", "商品");
    assertThat(pkg.data()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"broken-form", "flow-missing-field", "rule-syntax", "missing-plugin"})
  void invalidPackageIsRefusedWithEveryProblemListed(String name) throws Exception {
    JsonNode expectedJson = Json.MAPPER.readTree(Files.readString(TemplateTesting.resources("invalid/" + name).resolve("expected.json")));
    List<Tuple> expected = new ArrayList<>();
    expectedJson.forEach(e -> expected.add(tuple(e.get(0).asString(), e.get(1).asString())));

    assertThatThrownBy(() -> load("invalid/" + name)).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrderElementsOf(expected));
  }

  @Test
  void aPackageWithManyProblemsHasThemAllListedAtOnce() {
    assertThatThrownBy(() -> load("invalid/everything-wrong")).isInstanceOfSatisfying(ValidationException.class, e -> {
      assertThat(e.errors()).extracting(FieldError::code).contains("semver", "unknownType", "missingPlugin", "syntax",
          "unknownField", "unknownReference", "missingLabel");
      assertThat(e.errors()).extracting(FieldError::field).contains("template.json#version", "forms/product.json#fields[2].type",
          "template.json#requires.plugins[0]", "views/order_list.json#columns[3]", "data/orders.json#records[0].lines[0].product",
          "i18n/zh-CN.json#order.customer");
      assertThat(e.errors()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    });
  }

  @Test
  void aZipWithItsFilesInOneTopFolderReadsLikeAFolder() throws Exception {
    Path root = TemplateTesting.resources("market/shop-1.0.0");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes); var files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new java.util.zip.ZipEntry("shop/" + root.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    TemplatePackage pkg = TemplateTesting.checker(mongo).load(TemplateFiles.zip(bytes.toByteArray(), "upload"));

    assertThat(pkg.forms()).containsOnlyKeys("product", "order");
    assertThatThrownBy(() -> TemplateFiles.zip(new byte[] {1, 2, 3}, "upload").read("template.json").orElseThrow())
        .isInstanceOf(RuntimeException.class);
  }
}
