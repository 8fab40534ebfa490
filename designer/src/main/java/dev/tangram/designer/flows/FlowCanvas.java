package dev.tangram.designer.flows;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The flow drawn top to bottom the DingTalk way: the submitter, the nodes, the end; a "+" between
 * any two nodes adds an approver, a CC, a branch or a plugin action there. A branch shows its
 * paths side by side, each headed by its condition (the default path last). Clicking a card or a
 * condition selects it for the node panel.
 */
final class FlowCanvas extends Composite<Div> {

  private final FlowDraft draft;
  private final Consumer<Object> select;
  private final Runnable changed;
  private @Nullable Object selected;
  private Set<DesignNode> invalid = new HashSet<>();

  FlowCanvas(FlowDraft draft, Consumer<Object> select, Runnable changed) {
    this.draft = draft;
    this.select = select;
    this.changed = changed;
    getContent().addClassName("flow-canvas");
    getContent().setId("flow-canvas");
  }

  void setSelected(@Nullable Object selection) {
    this.selected = selection;
    refresh();
  }

  void setInvalid(Set<DesignNode> nodes) {
    this.invalid = nodes;
    refresh();
  }

  void refresh() {
    Div content = getContent();
    content.removeAll();
    content.add(terminal(getTranslation("flow.designer.start"), "flow-start"));
    content.add(sequence(draft.nodes, "root"));
    content.add(terminal(getTranslation("flow.designer.end"), "flow-end"));
  }

  private Div terminal(String text, String style) {
    Div box = new Div(new Span(text));
    box.addClassNames("flow-terminal", style);
    return box;
  }

  private Div sequence(List<DesignNode> nodes, String pathId) {
    Div column = new Div();
    column.addClassName("flow-sequence");
    for (int i = 0; i < nodes.size(); i++) {
      column.add(addButton(nodes, i, pathId));
      DesignNode node = nodes.get(i);
      column.add("branch".equals(node.type) || "parallel".equals(node.type) ? branch(node) : card(node));
    }
    column.add(addButton(nodes, nodes.size(), pathId));
    return column;
  }

  private Div addButton(List<DesignNode> nodes, int index, String pathId) {
    Button plus = new Button(VaadinIcon.PLUS.create());
    plus.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
    plus.addClassName("flow-add");
    plus.setId("add-" + pathId + "-" + index);
    plus.setAriaLabel(getTranslation("flow.designer.add"));
    ContextMenu menu = new ContextMenu(plus);
    menu.setOpenOnClick(true);
    for (String type : List.of("approve", "cc", "branch", "action")) {
      MenuItem item = menu.addItem(getTranslation("flow.node." + type), e -> {
        DesignNode node = draft.create(type);
        nodes.add(index, node);
        changed.run();
        select.accept("branch".equals(type) ? node.branches.getFirst() : node);
      });
      item.setId("add-item-" + type);
    }
    Div slot = new Div(plus);
    slot.addClassName("flow-link");
    return slot;
  }

  private Div card(DesignNode node) {
    Div card = new Div();
    card.addClassNames("flow-node", "flow-node-" + node.type);
    card.setId("node-" + node.id);
    if (node == selected) {
      card.addClassName("selected");
    }
    if (invalid.contains(node)) {
      card.addClassName("invalid");
    }
    Span title = new Span(node.name.isBlank() ? getTranslation("flow.node." + node.type) : node.name);
    title.addClassName("flow-node-title");
    Span summary = new Span(summary(node));
    summary.addClassName("flow-node-summary");
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
      draft.remove(node);
      select.accept(null);
      changed.run();
    });
    remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    remove.addClassName("flow-node-remove");
    remove.setId("remove-" + node.id);
    remove.setAriaLabel(getTranslation("flow.designer.remove"));
    Div head = new Div(title, remove);
    head.addClassName("flow-node-head");
    card.add(head, summary);
    card.addClickListener(e -> select.accept(node));
    return card;
  }

  private String summary(DesignNode node) {
    return switch (node.type) {
      case "approve" -> assignee(node) + " · " + getTranslation("flow.mode." + node.mode);
      case "cc" -> assignee(node);
      case "action" -> node.plugin == null || node.action == null ? getTranslation("flow.designer.choosePlugin") : node.plugin + " · " + node.action;
      default -> "";
    };
  }

  private String assignee(DesignNode node) {
    String kind = getTranslation("flow.kind." + node.kind);
    return switch (node.kind) {
      case "user" -> node.users.isEmpty() ? getTranslation("flow.designer.chooseUsers") : kind + ": " + String.join(", ", node.users);
      case "role" -> kind + ": " + (node.role == null ? "?" : node.role);
      case "deptHead" -> getTranslation("flow.kind.deptHead.level", node.level);
      case "field" -> kind + ": " + (node.field == null ? "?" : node.field);
      default -> kind;
    };
  }

  private Div branch(DesignNode node) {
    Div box = new Div();
    box.addClassName("flow-branch");
    box.setId("node-" + node.id);
    if (invalid.contains(node)) {
      box.addClassName("invalid");
    }
    boolean conditional = "branch".equals(node.type);
    Button addPath = new Button(getTranslation(conditional ? "flow.designer.addCondition" : "flow.designer.addPath"), VaadinIcon.PLUS.create(), e -> {
      DesignNode.Path path = new DesignNode.Path("", false);
      node.branches.add(conditional ? Math.max(0, node.branches.size() - 1) : node.branches.size(), path); // before the default
      changed.run();
      select.accept(path);
    });
    addPath.addThemeVariants(ButtonVariant.LUMO_SMALL);
    addPath.setId("add-path-" + node.id);
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
      draft.remove(node);
      select.accept(null);
      changed.run();
    });
    remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    remove.setId("remove-" + node.id);
    remove.setAriaLabel(getTranslation("flow.designer.remove"));
    Div head = new Div(addPath, remove);
    head.addClassName("flow-branch-head");
    Div columns = new Div();
    columns.addClassName("flow-branch-columns");
    for (int i = 0; i < node.branches.size(); i++) {
      DesignNode.Path path = node.branches.get(i);
      Div column = new Div(condition(node, path, i, conditional), sequence(path.nodes, node.id + "-" + i));
      column.addClassName("flow-branch-column");
      columns.add(column);
    }
    box.add(head, columns);
    return box;
  }

  private Div condition(DesignNode node, DesignNode.Path path, int index, boolean conditional) {
    Div card = new Div();
    card.addClassName("flow-condition");
    card.setId("condition-" + node.id + "-" + index);
    if (path == selected) {
      card.addClassName("selected");
    }
    String title = !conditional ? getTranslation("flow.designer.path", index + 1)
        : path.otherwise ? getTranslation("flow.designer.otherwise") : getTranslation("flow.designer.condition", index + 1);
    Span head = new Span(title);
    head.addClassName("flow-node-title");
    Span text = new Span(path.otherwise || !conditional ? getTranslation("flow.designer.otherwiseText")
        : path.when.isBlank() ? getTranslation("flow.designer.setCondition") : path.when);
    text.addClassName("flow-node-summary");
    card.add(head, text);
    if (!path.otherwise && node.branches.size() > 2) {
      Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
        node.branches.remove(path);
        select.accept(null);
        changed.run();
      });
      remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      remove.setAriaLabel(getTranslation("flow.designer.remove"));
      card.add(remove);
    }
    if (conditional && !path.otherwise) {
      card.addClickListener(e -> select.accept(path));
    }
    return card;
  }
}
