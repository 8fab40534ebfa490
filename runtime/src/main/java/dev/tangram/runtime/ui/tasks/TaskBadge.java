package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.LongSupplier;

/** The top bar's link to the task inbox with the number of open tasks; counted again on every navigation. */
public final class TaskBadge extends Button {

  private final LongSupplier todo;
  private final Span count = new Span();

  public TaskBadge(LongSupplier todo) {
    this.todo = todo;
    setIcon(VaadinIcon.INBOX.create());
    setText(getTranslation("inbox.short"));
    addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    addClassName("task-badge");
    setId("task-badge");
    count.addClassName("count-badge");
    count.setId("task-count");
    setSuffixComponent(count);
    addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskInboxView.class)));
  }

  /** Counts the open tasks again; the badge hides at zero. */
  public void refresh() {
    long open = todo.getAsLong();
    count.setText(String.valueOf(open));
    count.setVisible(open > 0);
    getElement().setAttribute("aria-label", getTranslation("inbox.open", open));
  }
}
