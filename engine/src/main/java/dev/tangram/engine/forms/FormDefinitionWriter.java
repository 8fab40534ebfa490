package dev.tangram.engine.forms;

import dev.tangram.engine.common.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a definition back as the JSON of DESIGN §4, leaving out what is unset. */
public final class FormDefinitionWriter {

  private FormDefinitionWriter() {}

  public static ObjectNode write(FormDefinition form) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("key", form.key());
    root.put("name", form.name());
    putIfSet(root, "description", form.description());
    root.set("fields", fields(form.fields()));
    if (!form.rules().isEmpty()) {
      ArrayNode rules = root.putArray("rules");
      for (FormRule rule : form.rules()) {
        ObjectNode node = rules.addObject().put("type", rule.type());
        putIfSet(node, "field", rule.field());
        node.put("when", rule.when());
        putIfSet(node, "message", rule.message());
      }
    }
    return root;
  }

  private static ArrayNode fields(List<FieldDefinition> fields) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (FieldDefinition f : fields) {
      ObjectNode node = array.addObject().put("key", f.key()).put("type", f.type());
      putIfSet(node, "label", f.label());
      putIfSet(node, "help", f.help());
      if (f.required()) node.put("required", true);
      if (f.unique()) node.put("unique", true);
      if (f.indexed()) node.put("indexed", true);
      if (f.minLength() != null) node.put("minLength", f.minLength());
      if (f.maxLength() != null) node.put("maxLength", f.maxLength());
      if (f.min() != null) node.put("min", f.min());
      if (f.max() != null) node.put("max", f.max());
      if (f.scale() != null) node.put("scale", f.scale());
      if (f.maxItems() != null) node.put("maxItems", f.maxItems());
      if (!f.options().isEmpty()) {
        ArrayNode options = node.putArray("options");
        f.options().forEach(o -> {
          if (o.value().equals(o.label())) {
            options.add(o.value());
          } else {
            options.addObject().put("value", o.value()).put("label", o.label());
          }
        });
      }
      if (!f.fields().isEmpty()) node.set("fields", fields(f.fields()));
      if (f.target() != null) {
        ObjectNode target = node.putObject("target").put("form", f.target().form());
        putIfSet(target, "display", f.target().display());
      }
      putIfSet(node, "pattern", f.pattern());
      putIfSet(node, "formula", f.formula());
      if (f.defaultValue() != null) node.set("default", f.defaultValue());
    }
    return array;
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
