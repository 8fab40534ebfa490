package dev.tangram.designer.flows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.plugins.PluginAction;
import dev.tangram.engine.plugins.TangramPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Edits the selected node: name, approver rule with its parameters, mode, when-empty policy,
 * auto-approve, the field permission matrix and the timeout (approve nodes); recipients (CC);
 * plugin and action (action nodes); or a branch path's condition, checked as it is typed.
 */
final class NodePanel extends Composite<Div> {

  private final FlowDesignContext context;
  private final Runnable changed;
  private @Nullable Object current;

  NodePanel(FlowDesignContext context, Runnable changed) {
    this.context = context;
    this.changed = changed;
    getContent().addClassName("flow-panel");
    getContent().setId("flow-panel");
    show(null);
  }

  void show(@Nullable Object selection) {
    current = selection;
    Div panel = getContent();
    panel.removeAll();
    if (selection instanceof DesignNode node) {
      panel.add(new H4(getTranslation("flow.node." + node.type) + " · " + node.id));
      panel.add(text("node-name", getTranslation("flow.designer.name"), node.name, v -> node.name = v));
      switch (node.type) {
        case "approve" -> approve(node);
        case "cc" -> assignee(node, DesignNode.CC_KINDS);
        case "action" -> action(node);
        default -> { }
      }
    } else if (selection instanceof DesignNode.Path path) {
      panel.add(new H4(getTranslation("flow.designer.conditionTitle")));
      panel.add(new ConditionEditor(context, path, changed));
    } else {
      panel.add(new Paragraph(getTranslation("flow.designer.selectNode")));
    }
  }

  private void approve(DesignNode node) {
    Div panel = getContent();
    assignee(node, DesignNode.KINDS);
    Select<String> mode = select("node-mode", getTranslation("flow.designer.mode"), DesignNode.MODES, node.mode,
        m -> getTranslation("flow.mode." + m), v -> node.mode = v, true);
    panel.add(mode);
    if ("ratio".equals(node.mode)) {
      NumberField ratio = new NumberField(getTranslation("flow.designer.ratio"));
      ratio.setId("node-ratio");
      ratio.setMin(0.01);
      ratio.setMax(1);
      ratio.setStep(0.05);
      ratio.setValue(node.ratio);
      ratio.addValueChangeListener(e -> {
        node.ratio = e.getValue() == null ? 0 : e.getValue();
        changed.run();
      });
      panel.add(ratio);
    }
    panel.add(select("node-when-empty", getTranslation("flow.designer.whenEmpty"), List.of("admin", "skip"), node.whenEmpty,
        w -> getTranslation("flow.whenEmpty." + w), v -> node.whenEmpty = v, false));
    Checkbox auto = new Checkbox(getTranslation("flow.designer.autoApprove"), node.autoApprove);
    auto.setId("node-auto-approve");
    auto.addValueChangeListener(e -> {
      node.autoApprove = e.getValue();
      changed.run();
    });
    panel.add(auto);
    panel.add(new H4(getTranslation("flow.designer.permissions")));
    panel.add(new PermissionMatrix(context.form().fields(), node.fields, changed));
    panel.add(new H4(getTranslation("flow.designer.timeout")));
    panel.add(hours("node-remind", getTranslation("flow.designer.remindAfter"), node.remindHours, v -> node.remindHours = v));
    panel.add(hours("node-after", getTranslation("flow.designer.after"), node.afterHours, v -> node.afterHours = v));
    panel.add(select("node-timeout-action", getTranslation("flow.designer.timeoutAction"), List.of("none", "approve", "reject"),
        node.timeoutAction, a -> getTranslation("flow.timeout." + a), v -> node.timeoutAction = v, false));
  }

  private void assignee(DesignNode node, List<String> kinds) {
    Div panel = getContent();
    panel.add(select("node-kind", getTranslation("flow.designer.kind"), kinds, node.kind, k -> getTranslation("flow.kind." + k),
        v -> node.kind = v, true));
    switch (node.kind) {
      case "user" -> {
        MultiSelectComboBox<String> users = new MultiSelectComboBox<>(getTranslation("flow.designer.users"));
        users.setId("node-users");
        users.setItems(context.directory().users().stream().filter(DirectoryUser::enabled).map(DirectoryUser::username).toList());
        users.setItemLabelGenerator(u -> context.directory().findUser(u).map(d -> d.displayName() + " (" + u + ")").orElse(u));
        users.setValue(node.users);
        users.setWidthFull();
        users.addValueChangeListener(e -> {
          node.users = new ArrayList<>(e.getValue());
          changed.run();
        });
        panel.add(users);
      }
      case "role" -> panel.add(select("node-role", getTranslation("flow.designer.role"),
          context.directory().roles().stream().map(Role::key).toList(), node.role,
          r -> context.directory().roles().stream().filter(x -> x.key().equals(r)).map(x -> x.name() + " (" + r + ")").findFirst().orElse(r),
          v -> node.role = v, false));
      case "deptHead" -> {
        IntegerField level = new IntegerField(getTranslation("flow.designer.level"));
        level.setId("node-level");
        level.setMin(1);
        level.setMax(10);
        level.setStepButtonsVisible(true);
        level.setHelperText(getTranslation("flow.designer.level.help"));
        level.setValue(node.level);
        level.addValueChangeListener(e -> {
          node.level = e.getValue() == null ? 1 : e.getValue();
          changed.run();
        });
        panel.add(level);
      }
      case "field" -> panel.add(select("node-field", getTranslation("flow.designer.field"),
          context.form().fields().stream().filter(f -> "user".equals(f.type())).map(FieldDefinition::key).toList(), node.field,
          this::fieldName, v -> node.field = v, false));
      default -> panel.add(new Paragraph(getTranslation("flow.kind." + node.kind + ".help")));
    }
  }

  private void action(DesignNode node) {
    List<TangramPlugin> plugins = context.plugins().plugins();
    getContent().add(select("node-plugin", getTranslation("flow.designer.plugin"), plugins.stream().map(TangramPlugin::id).toList(),
        node.plugin, p -> p, v -> node.plugin = v, true));
    List<String> actions = plugins.stream().filter(p -> p.id().equals(node.plugin)).findFirst()
        .map(p -> p.actions().stream().map(PluginAction::name).toList()).orElse(List.of());
    getContent().add(select("node-action", getTranslation("flow.designer.action"), actions, node.action, a -> a, v -> node.action = v, false));
  }

  private String fieldName(String key) {
    return context.form().findField(key).map(FieldDefinition::displayName).orElse(key);
  }

  private TextField text(String id, String label, String value, Consumer<String> set) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setValue(value);
    field.setWidthFull();
    field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
    field.addValueChangeListener(e -> {
      set.accept(e.getValue());
      changed.run();
    });
    return field;
  }

  private Select<String> select(String id, String label, List<String> items, @Nullable String value,
      com.vaadin.flow.component.ItemLabelGenerator<String> labels, Consumer<String> set, boolean redrawPanel) {
    Select<String> select = new Select<>();
    select.setLabel(label);
    select.setId(id);
    select.setItems(items);
    select.setItemLabelGenerator(labels);
    select.setWidthFull();
    if (value != null && items.contains(value)) {
      select.setValue(value);
    }
    select.addValueChangeListener(e -> {
      if (e.getValue() == null) {
        return;
      }
      set.accept(e.getValue());
      changed.run();
      if (redrawPanel) {
        show(current); // the parameters below depend on this choice
      }
    });
    return select;
  }

  private Component hours(String id, String label, @Nullable Integer value, Consumer<@Nullable Integer> set) {
    IntegerField field = new IntegerField(label);
    field.setId(id);
    field.setMin(1);
    field.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("flow.designer.hours")));
    field.setValue(value);
    field.setWidthFull();
    field.addValueChangeListener(e -> {
      set.accept(e.getValue());
      changed.run();
    });
    return field;
  }
}
