package dev.tangram.engine.records;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The narrow view of one app's records that trigger rules and plugins get. It acts as the system
 * (no user permissions apply) but every write is validated like any other, carries its event and
 * history, and is written under the record's version guard.
 *
 * <p>Writes that take an {@code operationKey} are idempotent per key: a retried trigger or plugin
 * call that repeats an operation with the same key gets the first result and changes nothing more.
 */
public interface AppRecords {

  String app();

  /** At most {@code limit} records of {@code form} matching every filter (DESIGN §7 operators). */
  List<Record> find(String form, List<RecordQuery.Filter> filters, int limit);

  Optional<Record> get(String form, String id);

  /** A new record; with an {@code operationKey} a repeat returns the record the first call made. */
  Record create(String form, ObjectNode data, @Nullable String operationKey);

  /** Merges {@code patch} into the record's data (null removes a value); retried on concurrent writes. */
  Record update(String form, String id, ObjectNode patch);

  /**
   * Adds {@code deltas} to number/money fields atomically with respect to every other write of the
   * record (concurrent increments all count); with an {@code operationKey} it applies once.
   */
  Record increment(String form, String id, Map<String, BigDecimal> deltas, @Nullable String operationKey);

  void delete(String form, String id);
}
