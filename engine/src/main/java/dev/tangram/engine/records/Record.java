package dev.tangram.engine.records;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One filled-in form as the API shows it (DESIGN §3).
 *
 * @param formVersion the published form version the record was written with
 * @param status      {@code active} for forms without a flow; flows move it through
 *                    {@code draft → in_approval → approved | rejected | withdrawn}
 * @param version     optimistic-lock counter, 1 after the submit, +1 per change
 */
public record Record(
    String id, String app, String form, int formVersion, ObjectNode data, String status,
    String createdBy, Instant createdAt, String updatedBy, Instant updatedAt, long version) {}
