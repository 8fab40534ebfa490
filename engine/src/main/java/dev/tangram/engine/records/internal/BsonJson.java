package dev.tangram.engine.records.internal;

import dev.tangram.engine.common.Json;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Stored BSON values to JSON where no field definition is at hand (history entries). */
final class BsonJson {

  private BsonJson() {}

  static JsonNode toJson(@Nullable Object value) {
    return switch (value) {
      case null -> NullNode.getInstance();
      case Decimal128 d -> DecimalNode.valueOf(d.bigDecimalValue());
      case ObjectId id -> Json.MAPPER.getNodeFactory().stringNode(id.toHexString());
      case Date date -> Json.MAPPER.getNodeFactory().stringNode(date.toInstant().toString());
      case Map<?, ?> map -> {
        ObjectNode node = Json.MAPPER.createObjectNode();
        map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v)));
        yield node;
      }
      case List<?> list -> {
        ArrayNode node = Json.MAPPER.createArrayNode();
        list.forEach(v -> node.add(toJson(v)));
        yield node;
      }
      default -> Json.MAPPER.valueToTree(value);
    };
  }
}
