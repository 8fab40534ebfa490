package dev.tangram.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every form a built-in template ships passes the engine's own form checks: created in a fresh
 * app, its definition saved as the draft and published.
 */
class TemplateFormsTests {

  static EmbeddedMongo mongo;

  @BeforeAll
  static void start() {
    mongo = new EmbeddedMongo();
  }

  @AfterAll
  static void stop() {
    mongo.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"inventory", "crm", "oa"})
  void everyFormOfTheTemplateSavesAndPublishes(String template) throws Exception {
    Map<String, JsonNode> forms = forms(template);
    String app = "check_" + template;
    mongo.apps.create(app, template, null, "test");
    // Relations may point either way between forms, so every form exists before any definition is saved.
    forms.forEach((key, definition) -> mongo.forms.create(app, stub(key, definition), "test"));
    forms.forEach((key, definition) -> mongo.forms.saveDraft(app, key, definition, "test"));
    List<Integer> versions = new ArrayList<>();
    forms.keySet().forEach(key -> versions.add(mongo.forms.publish(app, key, "test").version()));

    assertThat(forms).isNotEmpty();
    assertThat(versions).containsOnly(1);
    assertThat(mongo.forms.list(app)).hasSize(forms.size());
  }

  static ObjectNode stub(String key, JsonNode definition) {
    return Json.MAPPER.createObjectNode().put("key", key).put("name", definition.get("name").asString());
  }

  static Map<String, JsonNode> forms(String template) throws IOException, URISyntaxException {
    Path dir = Path.of(TemplateFormsTests.class.getResource("/templates/" + template + "/forms").toURI());
    // {{param.key}} placeholders take the parameter's default, as an install without choices would
    Map<String, String> defaults = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(dir.resolveSibling("template.json"))) {
      Json.MAPPER.readTree(in).path("parameters").forEach(p -> defaults.put(p.get("key").asString(), p.path("default").toString()));
    }
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file);
        for (Map.Entry<String, String> d : defaults.entrySet()) {
          text = text.replace("{{param." + d.getKey() + "}}", d.getValue());
        }
        forms.put(file.getFileName().toString().replace(".json", ""), Json.MAPPER.readTree(text));
      }
    }
    return forms;
  }
}
