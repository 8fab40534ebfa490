package dev.tangram.engine.templates.internal;

import dev.tangram.engine.templates.UpgradeResult.Change;
import dev.tangram.engine.templates.UpgradeResult.Conflict;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A three-way merge of JSON documents: {@code base} (as shipped), {@code mine} (as installed, with
 * the customer's changes) and {@code theirs} (the new version). Objects merge attribute by
 * attribute; lists of objects that carry a {@code key}, {@code id} or {@code name} merge item by
 * item (the new version's order, then the customer's additions); anything else is one value.
 * Where both sides changed the same value differently, the admin's resolution decides; without
 * one it is a conflict and the installed value stays.
 */
public final class ThreeWayMerge {

  private static final List<String> IDENTITIES = List.of("key", "id", "name", "value");

  private final Map<String, String> resolutions;
  private final List<Change> changes = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();

  /** @param resolutions conflict path → {@code mine} or {@code theirs} */
  public ThreeWayMerge(Map<String, String> resolutions) {
    this.resolutions = resolutions;
  }

  public List<Change> changes() {
    return changes;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  /** The merged document, or null when the result is that the document does not exist. */
  public @Nullable JsonNode merge(String path, @Nullable JsonNode base, @Nullable JsonNode mine, @Nullable JsonNode theirs) {
    if (same(mine, theirs)) {
      return mine;
    }
    if (same(base, mine)) {
      changes.add(new Change(path, mine == null ? "added" : theirs == null ? "removedFromTemplate" : "updated"));
      return theirs;
    }
    if (same(base, theirs)) {
      changes.add(new Change(path, "kept"));
      return mine;
    }
    if (base != null && mine != null && theirs != null && mine.isObject() && theirs.isObject() && base.isObject()) {
      return mergeObjects(path, (ObjectNode) base, (ObjectNode) mine, (ObjectNode) theirs);
    }
    if (base != null && mine != null && theirs != null && keyed(base) && keyed(mine) && keyed(theirs)) {
      return mergeLists(path, base, mine, theirs);
    }
    String decision = resolutions.get(path);
    if ("theirs".equals(decision)) {
      changes.add(new Change(path, "updated"));
      return theirs;
    }
    if (!"mine".equals(decision)) {
      conflicts.add(new Conflict(path, base, mine, theirs));
    }
    return mine;
  }

  private JsonNode mergeObjects(String path, ObjectNode base, ObjectNode mine, ObjectNode theirs) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    Set<String> names = new LinkedHashSet<>(theirs.propertyNames());
    names.addAll(mine.propertyNames());
    names.addAll(base.propertyNames());
    for (String name : names) {
      JsonNode merged = merge(path + "." + name, base.get(name), mine.get(name), theirs.get(name));
      if (merged != null) {
        result.set(name, merged);
      }
    }
    return result;
  }

  private JsonNode mergeLists(String path, JsonNode base, JsonNode mine, JsonNode theirs) {
    Map<String, JsonNode> b = byIdentity(base);
    Map<String, JsonNode> m = byIdentity(mine);
    Map<String, JsonNode> t = byIdentity(theirs);
    Set<String> ids = new LinkedHashSet<>(t.keySet());
    ids.addAll(m.keySet());
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (String id : ids) {
      JsonNode merged = merge(path + "." + id, b.get(id), m.get(id), t.get(id));
      if (merged != null) {
        result.add(merged);
      }
    }
    // items the template dropped and the customer had not touched are gone; ones only in base too
    return result;
  }

  private static boolean keyed(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    String identity = null;
    for (JsonNode item : node) {
      String id = identityOf(item);
      if (id == null || (identity != null && !identity.equals(id))) {
        return false;
      }
      identity = id;
    }
    return true;
  }

  private static @Nullable String identityOf(JsonNode item) {
    if (!item.isObject()) {
      return null;
    }
    return IDENTITIES.stream().filter(n -> item.path(n).isString()).findFirst().orElse(null);
  }

  private static Map<String, JsonNode> byIdentity(JsonNode list) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode item : list) {
      String attribute = identityOf(item);
      map.put(item.get(attribute).asString(), item);
    }
    return map;
  }

  /** Deep equality where numbers compare by value (13 equals 13.0). */
  public static boolean same(@Nullable JsonNode a, @Nullable JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (String name : a.propertyNames()) {
        if (!same(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<JsonNode> x = a.iterator();
      Iterator<JsonNode> y = b.iterator();
      while (x.hasNext()) {
        if (!same(x.next(), y.next())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
