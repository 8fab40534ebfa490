package dev.tangram.runtime.ui.dashboards;

import dev.tangram.designer.components.Translations;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.FormSummary;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The published forms of an app as dashboards need them: for labels and for the editor's choices. */
@Component
public class DashboardForms {

  private final FormService forms;

  DashboardForms(FormService forms) {
    this.forms = forms;
  }

  /** The latest published definition, or null when the form is missing or unpublished. */
  public @Nullable FormDefinition find(String app, String form) {
    try {
      return forms.getLatestPublished(app, form).definition();
    } catch (TangramException e) {
      return null;
    }
  }

  public List<FormSummary> published(String app) {
    return forms.list(app).stream().filter(f -> f.publishedVersion() > 0).toList();
  }

  /** The language tag titles are kept under: {@code zh-CN} or {@code en}. */
  static String language(Locale locale) {
    return Translations.CHINESE.equals(Translations.supported(locale)) ? "zh-CN" : "en";
  }
}
