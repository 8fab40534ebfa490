package dev.tangram.engine.templates;

import java.util.List;
import java.util.Map;

/**
 * What an install did (or, for a dry run, would do).
 *
 * @param status           {@code installed}, {@code unchanged} (already installed: nothing done) or {@code planned} (dry run)
 * @param installedFirst   required templates installed before this one, in order
 * @param created          counts: forms, flows, rules, views, records, roles (declared; those missing are created)
 * @param flowsDeployed    whether the flows are deployed through the flows feature (false on an engine
 *                         without a process engine: they are checked and kept with the install)
 */
public record InstallResult(String template, String version, String app, String status, List<String> installedFirst,
    Map<String, Integer> created, Map<String, Object> params, boolean flowsDeployed, long millis) {}
