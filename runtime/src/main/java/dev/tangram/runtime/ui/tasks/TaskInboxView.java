package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.FlowPage;
import dev.tangram.engine.flows.FlowQueries;
import dev.tangram.engine.flows.FlowTask;
import dev.tangram.engine.flows.Flows;
import dev.tangram.engine.forms.FormService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The task inbox: to-do, done, started by me and copied to me as tabs with their counts. Each
 * list is paged by the engine (20 a page, fetched as the grid scrolls); a click opens the task
 * page (open tasks) or the record page (decided tasks, started flows, copies). {@code /tasks?list=done} opens a tab.
 */
@Route("tasks")
@PermitAll
public class TaskInboxView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final List<String> LISTS = List.of("todo", "done", "started", "cc");
  private static final int PAGE = 20;

  private final Flows flows;
  private final FormService forms;
  private final OrgDirectory directory;
  private final CurrentUser user;
  private final Map<String, String> formNames = new HashMap<>();
  private final Map<String, Tab> tabs = new LinkedHashMap<>();
  private final Grid<InboxRow> grid = new Grid<>();
  private String list = "todo";

  public TaskInboxView(Flows flows, FormService forms, OrgDirectory directory, CurrentUser user) {
    this.flows = flows;
    this.forms = forms;
    this.directory = directory;
    this.user = user;
    addClassName("page");
    addClassName("task-inbox");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    list = event.getLocation().getQueryParameters().getSingleParameter("list").filter(LISTS::contains).orElse("todo");
    removeAll();
    tabs.clear();
    Map<String, Long> counts = flows.queries().counts(user.actor());
    Tabs bar = new Tabs();
    bar.setId("inbox-tabs");
    bar.setWidthFull();
    for (String name : LISTS) {
      long count = counts.getOrDefault(name, 0L);
      Span badge = new Span(String.valueOf(count));
      badge.addClassName("count-badge");
      if (count == 0) {
        badge.addClassName("zero");
      }
      badge.setId("count-" + name);
      Tab tab = new Tab(new Span(getTranslation("inbox." + name)), badge);
      tab.setId("tab-" + name);
      tabs.put(name, tab);
      bar.add(tab);
    }
    bar.setSelectedTab(tabs.get(list));
    bar.addSelectedChangeListener(e -> tabs.forEach((name, tab) -> {
      if (tab == e.getSelectedTab()) {
        getUI().ifPresent(ui -> ui.navigate(TaskInboxView.class, new com.vaadin.flow.router.QueryParameters(Map.of("list", List.of(name)))));
      }
    }));
    grid.removeAllColumns();
    grid.setId("inbox-grid");
    grid.addClassName("inbox-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setPageSize(PAGE);
    columns();
    grid.setItems(query -> fetch(query), query -> (int) page(0).total());
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(e.getItem().target())));
    add(new H2(getTranslation("inbox.title")), bar, grid);
  }

  private void columns() {
    grid.addColumn(r -> formName(r.app(), r.form())).setHeader(getTranslation("inbox.form")).setFlexGrow(2);
    if (!"started".equals(list)) {
      grid.addColumn(r -> r.node() == null ? "" : r.node()).setHeader(getTranslation("inbox.node")).setFlexGrow(1);
    }
    if ("todo".equals(list) || "done".equals(list)) {
      grid.addColumn(r -> FlowTimeline.displayName(r.who(), directory)).setHeader(getTranslation("inbox.initiator")).setFlexGrow(1);
    }
    grid.addColumn(r -> FlowTimeline.TIME.format(r.at())).setHeader(getTranslation("inbox.at." + list)).setFlexGrow(1);
    if ("done".equals(list) || "started".equals(list)) {
      grid.addColumn(r -> r.state() == null ? "" : getTranslation("flow.outcome." + r.state())).setHeader(getTranslation("inbox.state"));
    }
    grid.getColumns().getLast().setAutoWidth(true);
  }

  private Stream<InboxRow> fetch(Query<InboxRow, Void> query) {
    return page(query.getPage()).items().stream();
  }

  private FlowPage<InboxRow> page(int index) {
    Actor actor = user.actor();
    FlowQueries queries = flows.queries();
    int page = index + 1;
    return switch (list) {
      case "done" -> rows(queries.done(actor, page, PAGE), t -> taskRow(t, recordRoute(t.app(), t.form(), t.recordId())));
      case "started" -> rows(queries.started(actor, page, PAGE), s -> new InboxRow(s.processInstanceId(), s.app(), s.form(),
          s.recordId(), null, actor.username(), s.startedAt(), s.outcome(), recordRoute(s.app(), s.form(), s.recordId())));
      case "cc" -> rows(queries.copiedToMe(actor, page, PAGE), c -> new InboxRow(c.recordId() + c.node(), c.app(), c.form(),
          c.recordId(), c.name(), "", c.at(), null, recordRoute(c.app(), c.form(), c.recordId())));
      default -> rows(queries.todo(actor, page, PAGE), t -> taskRow(t, "tasks/" + t.id()));
    };
  }

  /** A decided task opens its record (the task page is for open tasks). */
  private static InboxRow taskRow(FlowTask t, String target) {
    return new InboxRow(t.id(), t.app(), t.form(), t.recordId(), t.name(), t.initiator(), t.endedAt() == null ? t.createdAt() : t.endedAt(),
        t.outcome(), target);
  }

  private static <T> FlowPage<InboxRow> rows(FlowPage<T> page, java.util.function.Function<T, InboxRow> row) {
    return new FlowPage<>(page.items().stream().map(row).toList(), page.total(), page.page(), page.size());
  }

  static String recordRoute(String app, String form, String recordId) {
    return "apps/" + app + "/forms/" + form + "/records/" + recordId;
  }

  private String formName(String app, String form) {
    return formNames.computeIfAbsent(app + "/" + form, k -> {
      try {
        return forms.getLatestPublished(app, form).definition().name();
      } catch (RuntimeException e) {
        return form;
      }
    });
  }

  @Override
  public String getPageTitle() {
    return getTranslation("inbox.title") + " · " + getTranslation("app.name");
  }
}
