package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code attachment} and {@code image}: a list of uploaded files, each {@code {name, url, size?,
 * contentType?}}. The upload itself is the UI's business; the record keeps the references.
 */
final class FileFieldType extends AbstractFieldType {

  private static final int CEILING = 50;
  private final boolean imagesOnly;

  private FileFieldType(String name, boolean imagesOnly) {
    super(name, Set.of("maxItems"));
    this.imagesOnly = imagesOnly;
  }

  static FileFieldType attachment() {
    return new FileFieldType("attachment", false);
  }

  static FileFieldType image() {
    return new FileFieldType("image", true);
  }

  @Override
  public boolean indexable() {
    return false;
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    checkMaxItems(field, path, problems, CEILING);
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    ObjectNode file = typed("object").put("additionalProperties", false);
    ObjectNode properties = file.putObject("properties");
    properties.set("name", typed("string").put("minLength", 1).put("maxLength", 255));
    properties.set("url", typed("string").put("minLength", 1).put("maxLength", 2_000));
    properties.set("size", typed("integer").put("minimum", 0));
    ObjectNode contentType = typed("string").put("maxLength", 100);
    if (imagesOnly) {
      contentType.put("pattern", "^image/");
    }
    properties.set("contentType", contentType);
    file.putArray("required").add("name").add("url");
    return list(file, field.maxItems() != null ? field.maxItems() : 10, field.required());
  }

  @Override
  public Object toStored(JsonNode value, FieldDefinition field) {
    return Json.MAPPER.convertValue(value, new TypeReference<List<Map<String, Object>>>() {});
  }
}
