package dev.tangram.designer.components;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every label of the UI, from the bundles {@code dev/tangram/designer/components/messages*.properties}
 * (English is the base bundle, {@code _zh_CN} the Chinese one). A missing key shows as
 * {@code !key!} so it is seen at once, never as an empty label.
 */
public final class Translations implements I18NProvider {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);
  private static final String BUNDLE = "dev.tangram.designer.components.messages";
  // No fallback to the JVM's default locale: English must stay English on a Chinese server.
  private static final ResourceBundle.Control CONTROL = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  @Override
  public List<Locale> getProvidedLocales() {
    return LOCALES;
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    return translate(key, locale, params);
  }

  /** The text of {@code key} in the supported language closest to {@code locale}. */
  public static String translate(String key, Locale locale, Object... params) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), Translations.class.getClassLoader(), CONTROL);
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
  }

  /** Chinese for any {@code zh} locale, English otherwise. */
  public static Locale supported(Locale locale) {
    return "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
  }
}
