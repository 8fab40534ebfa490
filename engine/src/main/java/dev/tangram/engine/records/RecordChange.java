package dev.tangram.engine.records;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a record's history: who changed what, when, with every field's value before and
 * after ({@code null} where the field had no value).
 *
 * @param action  {@code created}, {@code updated} or {@code deleted}
 * @param version the record's version after the change
 */
public record RecordChange(String recordId, String action, String actor, Instant at, long version, List<FieldChange> changes) {

  public record FieldChange(String field, @Nullable JsonNode before, @Nullable JsonNode after) {}
}
