package dev.tangram.engine.forms;

import java.time.Instant;

/** A published, frozen version of a form. Records keep the version they were written with. */
public record FormVersion(String app, String form, int version, FormDefinition definition, Instant publishedAt, String publishedBy) {}
