package dev.tangram.engine.templates;

import java.util.Map;

/**
 * What an uninstall did or would do.
 *
 * @param status  {@code uninstalled} or {@code planned} (dry run)
 * @param records records per form: deleted with {@code purge}, else kept (a later install of the
 *                same template finds them again)
 */
public record UninstallResult(String app, String template, String status, boolean purge, Map<String, Long> records) {}
