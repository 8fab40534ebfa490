package dev.tangram.plugins.mrp;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Document statuses compared the way users write them: without case, spaces, dashes or underscores. */
final class DocumentStatus {

  private DocumentStatus() {}

  static String normalised(@Nullable String status) {
    return status == null ? "" : status.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
  }
}
