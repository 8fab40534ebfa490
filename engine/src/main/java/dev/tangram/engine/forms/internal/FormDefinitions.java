package dev.tangram.engine.forms.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormDefinitionWriter;
import dev.tangram.engine.forms.fields.DefinitionProblems;
import java.util.List;
import java.util.Set;
import dev.tangram.engine.forms.FormScriptChecker;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads and checks definitions from JSON and converts them to and from their stored form. */
public final class FormDefinitions {

  private FormDefinitions() {}

  /**
   * Reads and checks {@code json} as the definition of form {@code formKey} in an app that has
   * {@code formsOfApp}; throws one {@link ValidationException} listing every problem.
   */
  public static FormDefinition parse(JsonNode json, String formKey, Set<String> formsOfApp, boolean forPublish) {
    return parse(json, formKey, formsOfApp, forPublish, null);
  }

  /** As above, plus the script checks (formulas and rule conditions) once the shape is right. */
  public static FormDefinition parse(JsonNode json, String formKey, Set<String> formsOfApp, boolean forPublish,
      @Nullable FormScriptChecker scripts) {
    DefinitionProblems problems = new DefinitionProblems();
    FormDefinition form = new FormDefinitionReader(problems).read(json, formKey);
    new FormDefinitionChecker(problems, formsOfApp).check(form);
    if (forPublish && form.fields().isEmpty()) {
      problems.add("fields", "required", "A form needs at least one field before it can be published");
    }
    if (problems.isEmpty() && scripts != null) {
      scripts.problems(form).forEach(p -> problems.add(p.field(), p.code(), p.message()));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems.list());
    }
    return form;
  }

  public static Document toStored(FormDefinition form) {
    return Document.parse(Json.MAPPER.writeValueAsString(FormDefinitionWriter.write(form)));
  }

  /** Reads a stored definition; it passed every check when it was saved. */
  public static FormDefinition fromStored(Document stored, String formKey) {
    DefinitionProblems problems = new DefinitionProblems();
    FormDefinition form = new FormDefinitionReader(problems).read(Json.MAPPER.readTree(stored.toJson()), formKey);
    if (!problems.isEmpty()) {
      List<FieldError> list = problems.list();
      throw new IllegalStateException("Stored definition of form '" + formKey + "' is unreadable: " + list);
    }
    return form;
  }
}
