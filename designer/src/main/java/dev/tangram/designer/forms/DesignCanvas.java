package dev.tangram.designer.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.tangram.engine.forms.fields.FieldTypes;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The fields of the form as cards, in order. Drop a palette type or a card onto a card to put it
 * before that card, onto the end zone to append it, onto a subform's zone to add it as a column.
 * Click a card to edit it in the property panel.
 */
final class DesignCanvas extends Composite<Div> {

  private final DesignModel model;
  private final Consumer<DesignField> select;
  private final Runnable changed;
  private @Nullable DesignField selected;

  DesignCanvas(DesignModel model, Consumer<DesignField> select, Runnable changed) {
    this.model = model;
    this.select = select;
    this.changed = changed;
    getContent().addClassName("design-canvas");
    getContent().setId("design-canvas");
    refresh();
  }

  void setSelected(@Nullable DesignField field) {
    this.selected = field;
    refresh();
  }

  void refresh() {
    Div content = getContent();
    content.removeAll();
    model.fields.forEach(f -> content.add(card(f, model.fields)));
    content.add(dropZone("canvas-end", getTranslation("designer.dropHere"), model.fields));
  }

  private Div card(DesignField field, List<DesignField> list) {
    Div card = new Div();
    card.addClassName("design-card");
    if (field == selected) {
      card.addClassName("selected");
    }
    card.setId("card-" + field.key);
    Span label = new Span(field.label.isBlank() ? field.key : field.label);
    label.addClassName("card-label");
    if (field.required) {
      label.addClassName("required");
    }
    Span type = new Span(getTranslation("field.type." + field.type));
    type.addClassName("card-type");
    Span key = new Span(field.key);
    key.addClassName("card-key");
    Div head = new Div(VaadinIcon.ELLIPSIS_DOTS_V.create(), label, type, key);
    head.addClassName("card-head");
    card.add(head);
    if (!field.formula.isBlank()) {
      Span formula = new Span("ƒ " + field.formula);
      formula.addClassName("card-formula");
      card.add(formula);
    }
    if (!field.visibleWhen.isBlank()) {
      Span visible = new Span("👁 " + field.visibleWhen);
      visible.addClassName("card-formula");
      card.add(visible);
    }
    if (field.isSubform()) {
      Div columns = new Div();
      columns.addClassName("subform-columns");
      field.fields.forEach(c -> columns.add(card(c, field.fields)));
      columns.add(dropZone("subform-drop-" + field.key, getTranslation("designer.dropColumn"), field.fields));
      card.add(columns);
    }
    card.addClickListener(e -> select.accept(field));
    // The click on a column card must not also select the subform around it.
    card.getElement().addEventListener("click", e -> { }).stopPropagation();
    DragSource<Div> source = DragSource.create(card);
    source.setDragData(field);
    DropTarget<Div> target = DropTarget.create(card);
    target.addDropListener(e -> e.getDragData().ifPresent(data -> drop(data, list, field)));
    return card;
  }

  private Div dropZone(String id, String text, List<DesignField> list) {
    Div zone = new Div(new Span(text));
    zone.addClassName("drop-zone");
    zone.setId(id);
    DropTarget<Div> target = DropTarget.create(zone);
    target.addDropListener(e -> e.getDragData().ifPresent(data -> drop(data, list, null)));
    return zone;
  }

  /** Puts a new field of a palette type, or a moved card, into {@code list} before {@code before}. */
  void drop(Object data, List<DesignField> list, @Nullable DesignField before) {
    DesignField field;
    if (data instanceof String type && FieldTypes.find(type).isPresent()) {
      if ("subform".equals(type) && list != model.fields) {
        return;
      }
      field = model.newField(type);
    } else if (data instanceof DesignField moved) {
      field = moved;
    } else {
      return;
    }
    model.place(field, list, before);
    changed.run();
    select.accept(field);
  }

  static Component paletteItem(String type, Consumer<String> add) {
    Div item = new Div(new Span(item(type)));
    item.addClassName("palette-item");
    item.setId("palette-" + type);
    Span name = new Span(item.getTranslation("field.type." + type));
    item.removeAll();
    item.add(VaadinIcon.PLUS_CIRCLE_O.create(), name);
    DragSource<Div> source = DragSource.create(item);
    source.setDragData(type);
    item.addClickListener(e -> add.accept(type));
    return item;
  }

  private static String item(String type) {
    return type;
  }
}
