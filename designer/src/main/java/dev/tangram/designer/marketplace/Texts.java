package dev.tangram.designer.marketplace;

import java.util.Locale;
import java.util.Map;

/** A template's texts are maps by locale ({@code en}, {@code zh-CN}); this picks the UI's. */
final class Texts {

  private Texts() {}

  static String pick(Map<String, String> texts, Locale locale) {
    String wanted = "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    String text = texts.get(wanted);
    if (text == null) {
      text = texts.getOrDefault("en", texts.values().stream().findFirst().orElse(""));
    }
    return text;
  }

  /** The template locale to install in, for the UI's language. */
  static String templateLocale(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
  }
}
