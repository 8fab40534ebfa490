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
        if (!rule.when().isEmpty()) node.put("when", rule.when());
        putIfSet(node, "message", rule.message());
        putIfSet(node, "value", rule.value());
      }
    }
    if (!form.postings().isEmpty()) {
      ArrayNode postings = root.putArray("postings");
      for (PostingRule p : form.postings()) {
        ObjectNode node = postings.addObject().put("name", p.name()).put("target", p.target());
        putIfSet(node, "rows", p.rows());
        putMap(node, "match", p.match());
        putMap(node, "add", p.add());
        putMap(node, "subtract", p.subtract());
        ArrayNode statuses = node.putArray("statuses");
        p.statuses().forEach(statuses::add);
        if (p.floor() != null) {
          ObjectNode floor = node.putObject("floor").put("field", p.floor().field()).put("min", p.floor().min());
          if (!p.floor().unless().isEmpty()) {
            ArrayNode unless = floor.putArray("unless");
            p.floor().unless().forEach(unless::add);
          }
          putIfSet(floor, "message", p.floor().message());
        }
      }
    }
    if (!form.triggers().isEmpty()) {
      ArrayNode triggers = root.putArray("triggers");
      for (TriggerRule t : form.triggers()) {
        ObjectNode node = triggers.addObject().put("name", t.name());
        ArrayNode on = node.putArray("on");
        t.on().forEach(on::add);
        node.put("phase", t.phase()).put("script", t.script());
      }
    }
    return root;
  }

  private static void putMap(ObjectNode node, String name, java.util.Map<String, String> map) {
    if (!map.isEmpty()) {
      ObjectNode object = node.putObject(name);
      map.forEach(object::put);
    }
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
