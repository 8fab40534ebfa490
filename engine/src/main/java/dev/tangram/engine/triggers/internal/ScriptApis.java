package dev.tangram.engine.triggers.internal;

import dev.tangram.engine.plugins.PluginContext;
import dev.tangram.engine.plugins.PluginRegistry;
import dev.tangram.engine.records.AppRecords;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.rules.HostApi;
import dev.tangram.engine.rules.HostApi.HostFunction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code records} and {@code plugins} objects a trigger script gets. Reads are always there;
 * writes only for after-rules, each with an operation key derived from the event, the rule and the
 * call's position, so a rerun of the same rule for the same event repeats none of them.
 */
public final class ScriptApis {

  private static final int MAX_FIND = 200;

  private ScriptApis() {}

  public static Object records(AppRecords records, @Nullable String operationPrefix) {
    return records(records, operationPrefix, null, null);
  }

  /**
   * @param oncePrefix   with it, {@code create(form, data, onceKey)} applies once per source record
   *                     and key (not per event): the same key for the same record returns the first
   *                     record however many events run the rule
   * @param otherApps    with it, {@code app(key)} gives the same object for another app (null when
   *                     that app is not installed), acting as whoever {@code otherApps} decides
   */
  public static Object records(AppRecords records, @Nullable String operationPrefix, @Nullable String oncePrefix,
      @Nullable Function<String, @Nullable AppRecords> otherApps) {
    Map<String, HostFunction> functions = new LinkedHashMap<>();
    if (otherApps != null) {
      functions.put("app", args -> {
        String key = string(args, 0, "records.app: the app key");
        AppRecords other = key.equals(records.app()) ? records : otherApps.apply(key);
        return other == null ? null : records(other, operationPrefix == null ? null : operationPrefix + "@" + key,
            oncePrefix, null);
      });
    }
    functions.put("find", args -> {
      String form = string(args, 0, "records.find: the form");
      List<RecordQuery.Filter> filters = filters(args.size() > 1 ? args.get(1) : null);
      int limit = args.size() > 2 && args.get(2) instanceof Number n ? Math.min(n.intValue(), MAX_FIND) : MAX_FIND;
      return records.find(form, filters, limit).stream().map(ScriptValues::ofRecord).toList();
    });
    functions.put("get", args -> records.get(string(args, 0, "records.get: the form"), string(args, 1, "records.get: the id"))
        .map(ScriptValues::ofRecord).orElse(null));
    if (operationPrefix != null) {
      AtomicInteger calls = new AtomicInteger();
      functions.put("create", args -> {
        String key = operationPrefix + ":" + calls.incrementAndGet();
        if (arg(args, 2) != null) {
          if (oncePrefix == null) {
            throw new IllegalArgumentException("records.create: a once-key needs a record event");
          }
          key = oncePrefix + ":" + string(args, 2, "records.create: the once-key");
        }
        return ScriptValues.ofRecord(records.create(string(args, 0, "records.create: the form"),
            ScriptValues.toJsonObject(arg(args, 1), "records.create: the data"), key));
      });
      functions.put("update", args -> ScriptValues.ofRecord(records.update(string(args, 0, "records.update: the form"),
          string(args, 1, "records.update: the id"), ScriptValues.toJsonObject(arg(args, 2), "records.update: the changes"))));
      functions.put("increment", args -> {
        Map<String, BigDecimal> deltas = new LinkedHashMap<>();
        if (!(arg(args, 2) instanceof Map<?, ?> given)) {
          throw new IllegalArgumentException("records.increment: the amounts must be an object {field: number}");
        }
        given.forEach((k, v) -> {
          if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("records.increment: '" + k + "' must be a number");
          }
          deltas.put(String.valueOf(k), new BigDecimal(n.toString()));
        });
        return ScriptValues.ofRecord(records.increment(string(args, 0, "records.increment: the form"),
            string(args, 1, "records.increment: the id"), deltas, operationPrefix + ":" + calls.incrementAndGet()));
      });
    } else {
      for (String write : List.of("create", "update", "increment")) {
        functions.put(write, args -> {
          throw new IllegalStateException("records." + write + " is for after-rules; a before-rule only reads and may refuse");
        });
      }
    }
    return HostApi.object(functions);
  }

  public static Object plugins(PluginRegistry registry, AppRecords records, String actor) {
    return HostApi.object(Map.of("call", args -> {
      String plugin = string(args, 0, "plugins.call: the plugin");
      String action = string(args, 1, "plugins.call: the action");
      JsonNode result = registry.call(plugin, action, ScriptValues.toJson(arg(args, 2)),
          new PluginContext(records.app(), actor, records));
      return ScriptValues.fromJson(result);
    }));
  }

  private static List<RecordQuery.Filter> filters(@Nullable Object given) {
    List<RecordQuery.Filter> filters = new ArrayList<>();
    if (given instanceof Map<?, ?> equal) {
      equal.forEach((k, v) -> filters.add(new RecordQuery.Filter(String.valueOf(k), "eq", ScriptValues.toJson(v))));
    } else if (given instanceof List<?> list) {
      for (Object f : list) {
        if (!(f instanceof Map<?, ?> m) || !(m.get("field") instanceof String field) || !(m.get("op") instanceof String op)) {
          throw new IllegalArgumentException("records.find: each filter is {field, op, value}");
        }
        filters.add(new RecordQuery.Filter(field, op, ScriptValues.toJson(m.get("value"))));
      }
    } else if (given != null) {
      throw new IllegalArgumentException("records.find: filters are {field: value} or [{field, op, value}]");
    }
    return filters;
  }

  private static @Nullable Object arg(List<@Nullable Object> args, int i) {
    return i < args.size() ? args.get(i) : null;
  }

  private static String string(List<@Nullable Object> args, int i, String what) {
    if (!(arg(args, i) instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(what + " must be given as a string");
    }
    return s;
  }
}
