package dev.tangram.engine.access;

import org.jspecify.annotations.Nullable;

/** A role such as {@code finance} or {@code gm}, assigned to users and named by flows and permissions. */
public record Role(String key, String name, @Nullable String description) {}
