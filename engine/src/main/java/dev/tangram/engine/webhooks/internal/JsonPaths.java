package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The small JSONPath subset trigger mappings use: {@code $}, {@code .name}, {@code ['name']},
 * {@code [2]} and {@code [*]} (every element; the result is then a list).
 */
public final class JsonPaths {

  private sealed interface Step permits Member, Index, Every {}

  private record Member(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Every() implements Step {}

  /** A compiled path. */
  public record Path(String text, List<Step> steps) {

    /** The value at this path in {@code root}; empty if it is not there. */
    public Optional<JsonNode> read(JsonNode root) {
      List<JsonNode> current = List.of(root);
      boolean many = false;
      for (Step step : steps) {
        List<JsonNode> next = new ArrayList<>();
        for (JsonNode node : current) {
          switch (step) {
            case Member m -> add(next, node.isObject() ? node.get(m.name()) : null);
            case Index i -> add(next, node.isArray() ? node.get(i.index() < 0 ? node.size() + i.index() : i.index()) : null);
            case Every e -> {
              if (node.isArray()) {
                node.forEach(next::add);
              }
            }
          }
        }
        many |= step instanceof Every;
        current = next;
      }
      if (many) {
        ArrayNode all = Json.MAPPER.createArrayNode();
        current.forEach(all::add);
        return Optional.of(all);
      }
      return current.isEmpty() ? Optional.empty() : Optional.of(current.getFirst());
    }

    private static void add(List<JsonNode> to, JsonNode node) {
      if (node != null && !node.isMissingNode()) {
        to.add(node);
      }
    }
  }

  private JsonPaths() {}

  /** @throws IllegalArgumentException with the position of the problem */
  public static Path compile(String text) {
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("a path starts with '$'");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '-')) {
          end++;
        }
        if (end == i + 1) {
          throw new IllegalArgumentException("a name is expected at position " + (i + 1));
        }
        steps.add(new Member(text.substring(i + 1, end)));
        i = end;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("'[' at position " + i + " is not closed");
        }
        String inside = text.substring(i + 1, close).trim();
        if (inside.equals("*")) {
          steps.add(new Every());
        } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))) {
          steps.add(new Member(inside.substring(1, inside.length() - 1)));
        } else {
          try {
            steps.add(new Index(Integer.parseInt(inside)));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'[" + inside + "]' at position " + i + " is neither an index, '*' nor a quoted name");
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
      }
    }
    return new Path(text, List.copyOf(steps));
  }
}
