package dev.tangram.engine.events;

import java.time.Instant;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened, as consumers see it.
 *
 * @param id            unique and time-ordered; consumers use it to make their work idempotent
 * @param type          one of {@link EventTypes}
 * @param recordId      the record concerned (hex id), if any
 * @param recordVersion the record's version after the change (for a deletion: the deleted version + 1)
 * @param status        the record's status after the change
 * @param data          the record's stored data after the change; null for a deletion
 * @param before        the stored data before the change; null for a creation
 * @param details       anything else the emitter adds (e.g. task id, node, outcome); record events
 *                      carry the record's {@code createdBy} and {@code ownerDepartment}
 */
public record Event(ObjectId id, String type, String app, @Nullable String form, @Nullable String recordId,
    long recordVersion, @Nullable String status, String actor, Instant at, @Nullable Document data,
    @Nullable Document before, Document details) {

  /** An event about a record. */
  public static Event ofRecord(String type, String app, String form, ObjectId recordId, long recordVersion,
      @Nullable String status, String actor, Instant at, @Nullable Document data, @Nullable Document before) {
    return new Event(new ObjectId(), type, app, form, recordId.toHexString(), recordVersion, status, actor, at,
        data, before, new Document());
  }
}
