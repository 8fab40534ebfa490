package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.tangram.designer.render.FormRenderer;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.flows.TaskRequest;
import dev.tangram.engine.flows.TaskView;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.runtime.ui.forms.RenderContexts;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One open task: the record rendered with the node's field permissions — only the fields the
 * engine lets the viewer see are rendered at all (hidden ones never reach the browser), those
 * granted {@code edit} are editable — the actions the engine allows now, and the flow timeline.
 * A refused action is explained in words a business user can act on.
 */
@Route("tasks/:id")
@PermitAll
public class TaskPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private final Flows flows;
  private final FormService forms;
  private final RenderContexts contexts;
  private final OrgDirectory directory;
  private final CurrentUser user;
  private final Div errors = new Div();
  private String title = "";

  public TaskPage(Flows flows, FormService forms, RenderContexts contexts, OrgDirectory directory, CurrentUser user) {
    this.flows = flows;
    this.forms = forms;
    this.contexts = contexts;
    this.directory = directory;
    this.user = user;
    addClassName("page");
    errors.addClassName("form-errors");
    errors.setId("form-errors");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String id = event.getRouteParameters().get("id").orElse("");
    removeAll();
    try {
      show(flows.tasks().view(id, user.actor()));
    } catch (TangramException e) {
      Paragraph problem = new Paragraph(FlowErrors.describe(e, this));
      problem.setId("task-problem");
      add(problem, new RouterLink(getTranslation("inbox.title"), TaskInboxView.class));
    }
  }

  private void show(TaskView view) {
    FormDefinition full = forms.getVersion(view.record().app(), view.record().form(), view.formVersion()).definition();
    // only the fields the node lets the viewer see are rendered: hidden ones never reach the browser
    List<FieldDefinition> visible = full.fields().stream().filter(f -> view.fields().containsKey(f.key())).toList();
    FormDefinition shown = new FormDefinition(full.key(), full.name(), full.description(), visible, full.rules());
    title = full.name() + " · " + view.node().name();
    FormRenderer renderer = new FormRenderer(shown, contexts.forApp(view.record().app(), user.actor()), false);
    renderer.setValue(view.record().data());
    Set<String> editable = view.readOnly() ? Set.of()
        : view.fields().entrySet().stream().filter(e -> "edit".equals(e.getValue())).map(Map.Entry::getKey).collect(Collectors.toSet());
    renderer.setEditable(editable);
    renderer.setId("task-form");
    Span meta = new Span(getTranslation("task.meta", FlowTimeline.displayName(view.task().initiator(), directory),
        FlowTimeline.TIME.format(view.task().createdAt()), view.node().name()));
    meta.addClassName("tile-meta");
    meta.setId("task-meta");
    errors.setVisible(false);
    Div sheet = new Div(new H2(full.name()), meta, errors, renderer);
    sheet.addClassName("form-sheet");
    sheet.setId("task-sheet");
    if (view.readOnly()) {
      Span note = new Span(getTranslation("task.readOnly"));
      note.addClassName("task-state");
      sheet.add(note);
    }
    sheet.add(new TaskActions(view.actions(), returnTargets(view), directory, () -> edits(renderer, editable), view.record().version(),
        (action, request) -> act(view, action, request, renderer)));
    Div side = new Div(new FlowTimeline(view.timeline(), FlowOutline.of(flows.definitions().find(view.record().app(), view.record().form())),
        directory));
    side.addClassName("task-side");
    Div page = new Div(sheet, side);
    page.addClassName("task-page");
    add(page);
  }

  private Map<String, String> returnTargets(TaskView view) {
    FlowOutline outline = FlowOutline.of(flows.definitions().find(view.record().app(), view.record().form()));
    Map<String, String> targets = new LinkedHashMap<>();
    for (String target : view.node().returnTargets()) {
      targets.put(target, "initiator".equals(target) ? getTranslation("flow.return.initiator") : outline.nameOf(target));
    }
    return targets;
  }

  /** The values of the editable fields as entered now; null when the node lets the viewer edit nothing. */
  private static @Nullable ObjectNode edits(FormRenderer renderer, Set<String> editable) {
    if (editable.isEmpty()) {
      return null;
    }
    ObjectNode all = renderer.value();
    ObjectNode data = all.objectNode();
    editable.forEach(key -> data.set(key, all.has(key) ? all.get(key) : all.nullNode()));
    return data;
  }

  private void act(TaskView view, String action, TaskRequest request, FormRenderer renderer) {
    try {
      flows.tasks().act(view.task().id(), action, request, user.actor());
      Notification done = Notification.show(getTranslation("task.done." + action), 3000, Notification.Position.BOTTOM_CENTER);
      done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      getUI().ifPresent(ui -> ui.navigate(List.of("comment", "urge").contains(action) ? "tasks/" + view.task().id() : "tasks"));
    } catch (ValidationException e) {
      List<FieldError> atFields = e.errors().stream()
          .map(f -> f.field().startsWith("data.") ? new FieldError(f.field().substring(5), f.code(), f.message()) : f).toList();
      showErrors(renderer.showErrors(atFields), e);
    } catch (TangramException e) {
      FlowErrors.show(e, this);
    }
  }

  private void showErrors(List<FieldError> unplaced, TangramException e) {
    errors.removeAll();
    errors.setVisible(true);
    errors.add(new Span(getTranslation("record.fixErrors")));
    unplaced.forEach(error -> errors.add(new Paragraph(FlowErrors.describe(new ValidationException(List.of(error)), this))));
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }
}
