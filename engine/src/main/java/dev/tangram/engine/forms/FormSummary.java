package dev.tangram.engine.forms;

import java.time.Instant;

/**
 * A form as listed: its draft's name and the latest published version (0 when never published).
 */
public record FormSummary(String app, String key, String name, int publishedVersion, boolean draftChanged, Instant updatedAt) {}
