package dev.tangram.designer.render;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code relation}: a combo box that searches the target form's records on the server as the user
 * types (by the target's display field), never loading them all; the value is the record id.
 */
final class RelationEditor implements FieldEditor {

  private static final int PAGE = 50;

  private final ComboBox<RenderContext.Choice> input = new ComboBox<>();
  private final FieldDefinition.RelationTarget target;
  private final RenderContext context;

  RelationEditor(FieldDefinition field, RenderContext context) {
    this.context = context;
    this.target = field.target() != null ? field.target() : new FieldDefinition.RelationTarget(field.key(), null);
    input.setItemLabelGenerator(RenderContext.Choice::label);
    input.setItems(query -> {
      String text = query.getFilter().orElse("");
      List<RenderContext.Choice> found = context.searchRecords(target.form(), target.display(), text, PAGE);
      int from = Math.min(query.getOffset(), found.size());
      return new ArrayList<>(found.subList(from, Math.min(found.size(), from + query.getLimit()))).stream();
    });
    input.setPlaceholder(input.getTranslation("render.relation.search"));
    input.addClassName("relation-field");
  }

  @Override
  public Component component() {
    return input;
  }

  @Override
  public @Nullable JsonNode value() {
    RenderContext.Choice choice = input.getValue();
    return choice == null ? null : Json.MAPPER.getNodeFactory().stringNode(choice.value());
  }

  @Override
  public void setValue(@Nullable JsonNode value) {
    if (value == null || !value.isString()) {
      input.clear();
      return;
    }
    String id = value.asString();
    input.setValue(new RenderContext.Choice(id, context.recordLabel(target.form(), target.display(), id).orElse(id)));
  }

  @Override
  public void onChange(Runnable listener) {
    input.addValueChangeListener(e -> {
      if (e.isFromClient()) {
        listener.run();
      }
    });
  }

  @Override
  public void setReadOnly(boolean readOnly) {
    input.setReadOnly(readOnly);
  }

  @Override
  public void showError(String path, String message) {
    input.setErrorMessage(message);
    input.setInvalid(true);
  }

  @Override
  public void clearErrors() {
    input.setInvalid(false);
  }
}
