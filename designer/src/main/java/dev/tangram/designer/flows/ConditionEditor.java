package dev.tangram.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.rules.SyntaxProblem;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A branch path's condition: a JavaScript expression over the form's fields, parsed by the rules
 * sandbox as it is typed (line and column of the first problem shown under it); the engine checks
 * it again, with the fields in scope, when the flow is published.
 */
final class ConditionEditor extends Composite<Div> {

  ConditionEditor(FlowDesignContext context, DesignNode.Path path, Runnable changed) {
    TextArea when = new TextArea(getTranslation("flow.designer.when"));
    when.setId("cond-when");
    when.addClassName("code");
    when.setWidthFull();
    when.setValue(path.when);
    when.setValueChangeMode(ValueChangeMode.LAZY);
    when.setHelperText(getTranslation("flow.designer.when.help"));
    Span fields = new Span(getTranslation("flow.designer.fieldsInScope") + " "
        + context.form().fields().stream().map(FieldDefinition::key).collect(Collectors.joining(", ")));
    fields.addClassName("flow-scope");
    when.addValueChangeListener(e -> {
      path.when = e.getValue();
      check(context, when);
      changed.run();
    });
    check(context, when);
    getContent().add(when, fields);
  }

  private void check(FlowDesignContext context, TextArea when) {
    if (when.getValue().isBlank()) {
      when.setInvalid(false);
      return;
    }
    Optional<SyntaxProblem> problem = context.sandbox().checkExpression(when.getValue());
    when.setInvalid(problem.isPresent());
    problem.ifPresent(p -> when.setErrorMessage(getTranslation("flow.designer.syntax", p.line(), p.column(), p.message())));
  }
}
