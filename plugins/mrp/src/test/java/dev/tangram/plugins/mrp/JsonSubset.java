package dev.tangram.plugins.mrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares an actual JSON tree with an expected one: every field present in the expected tree must
 * be present and equal in the actual tree; arrays match element by element; numbers compare by value
 * ({@code 40 == 40.0}). Returns the differences, each with its path.
 */
final class JsonSubset {

  private JsonSubset() {}

  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("$", expected, actual, out);
    return out;
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (actual == null || actual.isMissingNode()) {
      out.add(path + ": missing, expected " + expected);
    } else if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, got " + actual);
        return;
      }
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), out);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + ": expected " + expected + ", got " + actual);
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
    } else if (expected.isNumber()) {
      if (!actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": expected " + expected + ", got " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": expected " + expected + ", got " + actual);
    }
  }
}
