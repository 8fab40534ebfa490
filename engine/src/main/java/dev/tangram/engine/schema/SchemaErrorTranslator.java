package dev.tangram.engine.schema;

import com.networknt.schema.Error;
import dev.tangram.engine.common.FieldError;
import tools.jackson.databind.JsonNode;

/** Maps a networknt error to our {@code {field, code, message}} with a message a user can act on. */
final class SchemaErrorTranslator {

  private SchemaErrorTranslator() {}

  static FieldError translate(Error error, String prefix) {
    String location = error.getInstanceLocation().toString();
    String path = location.startsWith("$") ? location.substring(1) : location;
    if (path.startsWith(".")) {
      path = path.substring(1);
    }
    String keyword = error.getKeyword() == null ? "invalid" : error.getKeyword();
    if (("required".equals(keyword) || "additionalProperties".equals(keyword)) && error.getProperty() != null) {
      path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
    }
    String field = prefix.isEmpty() ? path : (path.isEmpty() ? prefix : prefix + "." + path);
    JsonNode schema = error.getSchemaNode();
    return new FieldError(field, code(keyword), message(keyword, field, schema, error));
  }

  private static String code(String keyword) {
    return switch (keyword) {
      case "additionalProperties" -> "unknownField";
      case "minimum", "exclusiveMinimum" -> "min";
      case "maximum", "exclusiveMaximum" -> "max";
      case "multipleOf" -> "scale";
      default -> keyword;
    };
  }

  private static String message(String keyword, String field, JsonNode schema, Error error) {
    String name = "'" + field + "'";
    return switch (keyword) {
      case "required" -> name + " is required";
      case "additionalProperties" -> "The form has no field " + name;
      case "type" -> name + " must be " + article(schema == null ? "" : schema.asString(""));
      case "maxLength" -> name + " is longer than " + schema.asString("") + " characters";
      case "minLength" -> schema != null && "1".equals(schema.asString("")) ? name + " is required" : name + " is shorter than " + schema.asString("") + " characters";
      case "minimum", "exclusiveMinimum" -> name + " must be at least " + plain(schema);
      case "maximum", "exclusiveMaximum" -> name + " must be at most " + plain(schema);
      case "multipleOf" -> name + " has too many decimal places (steps of " + plain(schema) + ")";
      case "enum" -> name + " is not one of the options";
      case "format" -> name + " is not a valid " + (schema == null ? "value" : schema.asString(""));
      case "pattern" -> name + " has an invalid format";
      case "maxItems" -> name + " has more than " + schema.asString("") + " entries";
      case "minItems" -> name + " needs at least " + schema.asString("") + " entries";
      case "uniqueItems" -> name + " lists the same value twice";
      default -> name + ": " + error.getMessage();
    };
  }

  private static String plain(JsonNode schema) {
    return schema == null ? "" : schema.isNumber() ? schema.decimalValue().toPlainString() : schema.asString("");
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "text";
      case "boolean" -> "true or false";
      case "array" -> "a list";
      case "object" -> "an object";
      default -> "of type " + type;
    };
  }
}
