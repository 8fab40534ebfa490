package dev.tangram.designer.dashboards;

import dev.tangram.designer.components.Translations;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a group's key reads: an option's label, yes/no, "no value", "other"; dates and text as they are. */
final class GroupLabels {

  private GroupLabels() {}

  static String of(@Nullable String key, @Nullable String groupBy, @Nullable FormDefinition form, Locale locale) {
    if (key == null) {
      return Translations.translate("dash.noValue", locale);
    }
    FieldDefinition field = form == null || groupBy == null ? null : form.findField(groupBy.split(":")[0]).orElse(null);
    if (field == null) {
      return key;
    }
    if ("boolean".equals(field.type())) {
      return Translations.translate("true".equals(key) ? "dash.yes" : "dash.no", locale);
    }
    return field.options().stream().filter(o -> o.value().equals(key)).map(FieldDefinition.Option::label)
        .filter(l -> l != null && !l.isBlank()).findFirst().orElse(key);
  }

  /** The label of a field of the form, or of a system field. */
  static String field(@Nullable String key, @Nullable FormDefinition form, Locale locale) {
    if (key == null) {
      return "";
    }
    return form == null ? key : form.findField(key).map(FieldDefinition::displayName)
        .orElseGet(() -> Translations.translate("records.system." + key, locale));
  }
}
