package dev.tangram.engine.forms.fields;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A serial-number pattern such as {@code EXP-{yyyyMMdd}-{seq:4}}: literal text, date tokens made of
 * {@code y M d} letters, and exactly one {@code {seq:N}} (zero-padded to N digits). The sequence
 * restarts whenever the rendered date part changes, so {@code {yyyyMMdd}} numbers per day.
 */
public final class SerialPattern {

  private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern DATE_TOKEN = Pattern.compile("[yMd]{2,8}");
  private static final Pattern SEQ_TOKEN = Pattern.compile("seq:(\\d{1,2})");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_\\-/.#]*");

  private final String pattern;

  private SerialPattern(String pattern) {
    this.pattern = pattern;
  }

  /** Parses a pattern that {@link #problemWith} accepted. */
  public static SerialPattern of(String pattern) {
    problemWith(pattern).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return new SerialPattern(pattern);
  }

  /** What is wrong with a pattern, if anything, in words for the form designer. */
  public static Optional<String> problemWith(String pattern) {
    if (pattern.length() > 60) {
      return Optional.of("the pattern is longer than 60 characters");
    }
    Matcher m = TOKEN.matcher(pattern);
    int sequences = 0;
    int last = 0;
    while (m.find()) {
      if (!LITERAL.matcher(pattern.substring(last, m.start())).matches()) {
        return Optional.of("only letters, digits and _ - / . # may stand outside {…}");
      }
      last = m.end();
      String token = m.group(1);
      Matcher seq = SEQ_TOKEN.matcher(token);
      if (seq.matches()) {
        int width = Integer.parseInt(seq.group(1));
        if (width < 1 || width > 12) {
          return Optional.of("{seq:N} needs N between 1 and 12");
        }
        sequences++;
      } else if (!DATE_TOKEN.matcher(token).matches()) {
        return Optional.of("unknown token {" + token + "}; use date letters like {yyyyMMdd} or {seq:4}");
      }
    }
    if (!LITERAL.matcher(pattern.substring(last)).matches()) {
      return Optional.of("only letters, digits and _ - / . # may stand outside {…}");
    }
    return sequences == 1 ? Optional.empty() : Optional.of("the pattern needs exactly one {seq:N}");
  }

  /** The part that decides when the sequence restarts: every date token rendered for {@code day}. */
  public String period(LocalDate day) {
    StringBuilder period = new StringBuilder();
    Matcher m = TOKEN.matcher(pattern);
    while (m.find()) {
      if (!m.group(1).startsWith("seq:")) {
        period.append(DateTimeFormatter.ofPattern(m.group(1).replace('y', 'u')).format(day)).append('|');
      }
    }
    return period.toString();
  }

  /** The serial for {@code day} and sequence number {@code seq}. */
  public String render(LocalDate day, long seq) {
    Matcher m = TOKEN.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String token = m.group(1);
      Matcher s = SEQ_TOKEN.matcher(token);
      String value = s.matches()
          ? String.format("%0" + s.group(1) + "d", seq)
          : DateTimeFormatter.ofPattern(token.replace('y', 'u')).format(day);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
