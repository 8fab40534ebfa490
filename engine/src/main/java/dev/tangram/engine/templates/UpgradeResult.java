package dev.tangram.engine.templates;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an upgrade did or would do: per file the changes taken from the new version, the
 * customer's changes kept, and the conflicts — places both changed differently — which the admin
 * decides ({@code resolutions}: path → {@code mine} or {@code theirs}); an upgrade with an
 * undecided conflict changes nothing.
 *
 * @param status {@code upgraded}, {@code unchanged}, {@code planned} (dry run) or {@code conflicts}
 */
public record UpgradeResult(String template, String from, String to, String status, List<Change> changes,
    List<Conflict> conflicts, List<String> migrations, Map<String, Long> migratedRecords, long millis) {

  /** @param kind {@code added}, {@code updated}, {@code kept} (customer's change kept), {@code removedFromTemplate} */
  public record Change(String path, String kind) {}

  /** A place where the installed state and the new version differ from the shipped one, and from each other. */
  public record Conflict(String path, @Nullable JsonNode shipped, @Nullable JsonNode installed, @Nullable JsonNode offered) {}
}
