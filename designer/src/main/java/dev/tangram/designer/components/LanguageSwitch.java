package dev.tangram.designer.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/**
 * Picks the UI language (中文 / English). The choice is kept in the session and the page is
 * reloaded, so every label — including those of open dialogs — comes from the new bundle.
 */
public final class LanguageSwitch extends Select<Locale> {

  public LanguageSwitch() {
    setItems(Translations.LOCALES);
    setItemLabelGenerator(locale -> Translations.CHINESE.equals(locale) ? "中文" : "English");
    setValue(Translations.supported(currentLocale()));
    setAriaLabel(getTranslation("language"));
    addClassName("language-switch");
    setId("language-switch");
    addValueChangeListener(e -> {
      if (e.isFromClient() && e.getValue() != null) {
        VaadinSession.getCurrent().setLocale(e.getValue());
        UI.getCurrent().getPage().reload();
      }
    });
  }

  private static Locale currentLocale() {
    UI ui = UI.getCurrent();
    return ui != null ? ui.getLocale() : Locale.ENGLISH;
  }
}
