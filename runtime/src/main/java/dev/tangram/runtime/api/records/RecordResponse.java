package dev.tangram.runtime.api.records;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tangram.engine.records.Record;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** A record as the API returns it, with the system fields of DESIGN §3 ({@code _id} first). */
public record RecordResponse(
    @JsonProperty("_id") String id, String app, String form, int formVersion, ObjectNode data, String status,
    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {

  public static RecordResponse of(Record r) {
    return new RecordResponse(r.id(), r.app(), r.form(), r.formVersion(), r.data(), r.status(),
        r.createdBy(), r.createdAt(), r.updatedBy(), r.updatedAt(), r.version());
  }
}
