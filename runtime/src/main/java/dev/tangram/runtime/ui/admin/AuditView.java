package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.tangram.engine.access.AuditLog;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Platform admins: the audit log, newest first (the latest 1,000 entries), filtered by who, what and which object. */
@Route("admin/audit")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

  static final int LATEST = 1_000;
  private final AuditLog audit;
  private final Grid<AuditLog.Entry> grid = new Grid<>();
  private final TextField actor = new TextField();
  private final Select<String> action = new Select<>();
  private final TextField target = new TextField();
  private List<AuditLog.Entry> entries = List.of();

  public AuditView(AuditLog audit) {
    this.audit = audit;
    addClassName("page");
    addClassName("wide-page");
    actor.setLabel(getTranslation("admin.audit.actor"));
    actor.setId("audit-actor");
    target.setLabel(getTranslation("admin.audit.target"));
    target.setId("audit-target");
    for (TextField f : List.of(actor, target)) {
      f.setValueChangeMode(ValueChangeMode.LAZY);
      f.setClearButtonVisible(true);
      f.addValueChangeListener(e -> filter());
    }
    action.setLabel(getTranslation("admin.audit.action"));
    action.setEmptySelectionAllowed(true);
    action.setEmptySelectionCaption(getTranslation("admin.all"));
    action.setId("audit-action");
    action.addValueChangeListener(e -> filter());
    grid.addColumn(e -> AdminPages.time(e.at())).setHeader(getTranslation("admin.audit.at")).setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("admin.audit.actor")).setAutoWidth(true);
    grid.addColumn(AuditLog.Entry::action).setHeader(getTranslation("admin.audit.action")).setAutoWidth(true);
    grid.addColumn(AuditLog.Entry::target).setHeader(getTranslation("admin.audit.target")).setAutoWidth(true);
    grid.addColumn(AuditLog.Entry::detail).setHeader(getTranslation("admin.audit.detail")).setFlexGrow(1);
    grid.setId("audit");
    FlexLayout filters = new FlexLayout(actor, action, target);
    filters.addClassName("filter-row");
    add(AdminPages.header(getTranslation("admin.audit.title")), filters, grid);
    setHeightFull();
    grid.setHeight("70vh");
    entries = audit.latest(LATEST);
    action.setItems(new ArrayList<>(new TreeSet<>(entries.stream().map(AuditLog.Entry::action).toList())));
    filter();
  }

  private void filter() {
    String who = actor.getValue().trim().toLowerCase(Locale.ROOT);
    String what = target.getValue().trim().toLowerCase(Locale.ROOT);
    grid.setItems(entries.stream()
        .filter(e -> who.isEmpty() || e.actor().toLowerCase(Locale.ROOT).contains(who))
        .filter(e -> action.getValue() == null || action.getValue().equals(e.action()))
        .filter(e -> what.isEmpty() || e.target().toLowerCase(Locale.ROOT).contains(what)).toList());
  }

  @Override
  public String getPageTitle() {
    return getTranslation("admin.audit.title") + " · " + getTranslation("app.name");
  }
}
