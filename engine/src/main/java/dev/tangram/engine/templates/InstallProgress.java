package dev.tangram.engine.templates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an install, upgrade or uninstall of an app stands, as its journal says.
 *
 * @param state {@code installing}, {@code upgrading}, {@code installed}, {@code failed}
 * @param done  steps finished out of {@link #total}
 */
public record InstallProgress(String app, String template, String version, String state, int done, int total,
    @Nullable String current, Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {}
