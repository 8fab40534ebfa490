package dev.tangram.engine.triggers.internal;

import dev.tangram.engine.common.Json;
import dev.tangram.engine.records.Record;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Values between stored records, the API's JSON and what scripts see (maps, lists, numbers, strings). */
public final class ScriptValues {

  private ScriptValues() {}

  /** A stored value (Decimal128, Date, nested documents) as plain Java for a script. */
  public static @Nullable Object fromStored(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case Decimal128 d -> d.bigDecimalValue();
      case Date d -> d.toInstant().toString();
      case ObjectId id -> id.toHexString();
      case Document d -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        d.forEach((k, v) -> map.put(k, fromStored(v)));
        yield map;
      }
      case List<?> list -> {
        List<@Nullable Object> items = new ArrayList<>();
        list.forEach(v -> items.add(fromStored(v)));
        yield items;
      }
      default -> value;
    };
  }

  /** A record as scripts see it: {@code {id, form, status, version, data: {...}}}. */
  public static Map<String, @Nullable Object> ofRecord(Record record) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put("id", record.id());
    map.put("form", record.form());
    map.put("status", record.status());
    map.put("version", record.version());
    map.put("data", fromJson(record.data()));
    return map;
  }

  public static @Nullable Object fromJson(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : Json.MAPPER.convertValue(node, Object.class);
  }

  /** What a script passed as an object, as JSON data; anything else is refused with {@code what}. */
  public static ObjectNode toJsonObject(@Nullable Object value, String what) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(what + " must be an object");
    }
    return Json.MAPPER.valueToTree(value);
  }

  public static JsonNode toJson(@Nullable Object value) {
    return Json.MAPPER.valueToTree(value);
  }
}
