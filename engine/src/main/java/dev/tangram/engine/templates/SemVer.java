package dev.tangram.engine.templates;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version {@code MAJOR.MINOR.PATCH} (pre-release and build tags are not accepted). */
public record SemVer(int major, int minor, int patch) implements Comparable<SemVer> {

  private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

  public static Optional<SemVer> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  public boolean isNewerThan(SemVer o) {
    return compareTo(o) > 0;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
