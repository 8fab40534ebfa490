package dev.tangram.engine.apps;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An app: a namespace of forms, flows, rules and views, made by hand or by a template. */
public record App(String key, String name, @Nullable String description, String createdBy, Instant createdAt) {}
