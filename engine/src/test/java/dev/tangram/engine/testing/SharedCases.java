package dev.tangram.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The domain reference cases, {@code <repoRoot>/../shared/domain/cases} (CI clones the repository
 * with {@code shared/} beside it). The repository root is the folder holding the launcher.
 */
public final class SharedCases {

  private SharedCases() {}

  public static Path directory() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tangram"))) {
        Path cases = dir.resolveSibling("shared").resolve("domain").resolve("cases");
        if (Files.isDirectory(cases)) {
          return cases;
        }
        throw new IllegalStateException("Repository root " + dir + " found, but no reference cases at " + cases);
      }
    }
    throw new IllegalStateException("No repository root (the folder holding ./tangram) above " + start);
  }
}
