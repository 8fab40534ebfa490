package dev.tangram.runtime.api.records;

import dev.tangram.runtime.api.errors.BadRequestException;
import org.jspecify.annotations.Nullable;

/** The record version as an entity tag: {@code ETag: "3"}; {@code If-Match} accepts 3, "3" or W/"3". */
public final class VersionTags {

  private VersionTags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  public static @Nullable Long parse(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new BadRequestException("If-Match", "type", "If-Match must be the record version, e.g. If-Match: \"3\"");
    }
  }
}
