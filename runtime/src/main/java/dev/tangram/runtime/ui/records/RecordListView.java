package dev.tangram.runtime.ui.records;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.select.Select;
import dev.tangram.designer.components.Translations;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.views.View;
import dev.tangram.engine.views.ViewService;
import tools.jackson.databind.JsonNode;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordPage;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The records of a form in a lazy grid: only the rows on screen are fetched, page by page, through
 * {@link RecordService#query} (so 100k records are never loaded at once), with chosen columns,
 * the DESIGN §7 filters and server-side sort on any column.
 */
@Route("apps/:app/forms/:form")
@PermitAll
public class RecordListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private static final int PAGE_SIZE = 50;

  private final FormService forms;
  private final RecordService records;
  private final RecordTransfer transfer;
  private final CurrentUser user;
  private final ViewService views;
  private final Span total = new Span();
  private final Span problem = new Span();
  private Grid<Record> grid = new Grid<>();
  private List<RecordQuery.Filter> filters = List.of();
  private String app = "";
  private String form = "";
  private String title = "";

  public RecordListView(FormService forms, RecordService records, RecordTransfer transfer, CurrentUser user, ViewService views) {
    this.views = views;
    this.forms = forms;
    this.records = records;
    this.transfer = transfer;
    this.user = user;
    addClassName("page");
    addClassName("record-list");
    setHeightFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    app = event.getRouteParameters().get("app").orElse("");
    form = event.getRouteParameters().get("form").orElse("");
    removeAll();
    FormDefinition definition;
    try {
      definition = forms.getLatestPublished(app, form).definition();
    } catch (TangramException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    title = definition.name();
    Button create = new Button(getTranslation("records.new"), VaadinIcon.PLUS.create(),
        e -> getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/forms/" + form + "/new")));
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.setId("new-record");
    H2 heading = new H2(definition.name());
    FlexLayout header = new FlexLayout(heading, total);
    header.addClassName("list-header");
    total.addClassName("tile-meta");
    total.setId("record-total");
    FlexLayout tools = new FlexLayout(create);
    tools.addClassName("list-tools");
    transfer.addButtons(tools, app, definition, () -> filters, () -> grid.getDataProvider().refreshAll());
    MultiSelectComboBox<String> columns = columnChooser(definition);
    tools.add(columns);
    problem.addClassName("list-problem");
    problem.setId("list-problem");
    grid = grid(definition);
    FilterBar filterBar = new FilterBar(definition, chosen -> {
      filters = chosen;
      grid.getDataProvider().refreshAll();
    });
    listViews(definition, columns, filterBar).ifPresent(tools::addComponentAsFirst);
    add(header, tools, filterBar, problem, grid);
    showColumns(definition, columns.getValue());
  }

  /** A picker of the app's saved list views of this form (from templates or admins): columns, filter and sort. */
  private java.util.Optional<Select<View>> listViews(FormDefinition definition, MultiSelectComboBox<String> columns, FilterBar filterBar) {
    List<View> saved;
    try {
      saved = views.list(app, user.actor()).stream()
          .filter(v -> "list".equals(v.type()) && form.equals(v.definition().path("form").asString())).toList();
    } catch (TangramException e) {
      return java.util.Optional.empty();
    }
    if (saved.isEmpty()) {
      return java.util.Optional.empty();
    }
    String language = Translations.CHINESE.equals(Translations.supported(getLocale())) ? "zh-CN" : "en";
    Select<View> picker = new Select<>();
    picker.setItems(saved);
    picker.setItemLabelGenerator(v -> v == null ? getTranslation("records.allRecords") : v.title(language));
    picker.setEmptySelectionAllowed(true);
    picker.setEmptySelectionCaption(getTranslation("records.allRecords"));
    picker.setAriaLabel(getTranslation("records.view"));
    picker.setId("list-view-picker");
    picker.addValueChangeListener(e -> {
      View view = e.getValue();
      Set<String> keys = new LinkedHashSet<>();
      if (view == null) {
        definition.fields().stream().limit(6).forEach(f -> keys.add(f.key()));
      } else {
        view.definition().path("columns").forEach(c -> keys.add(c.asString("")));
      }
      keys.retainAll(definition.fields().stream().map(FieldDefinition::key).toList());
      columns.setValue(keys);
      List<RecordQuery.Filter> chosen = new ArrayList<>();
      if (view != null) {
        view.definition().path("filter").forEach(f -> chosen.add(new RecordQuery.Filter(f.path("field").asString(""), f.path("op").asString(""), f.path("value"))));
      }
      filterBar.setFilters(chosen);
      grid.sort(sortOrders(view));
    });
    return java.util.Optional.of(picker);
  }

  private List<com.vaadin.flow.component.grid.GridSortOrder<Record>> sortOrders(View view) {
    List<com.vaadin.flow.component.grid.GridSortOrder<Record>> orders = new ArrayList<>();
    if (view == null) {
      return orders;
    }
    JsonNode sort = view.definition().path("sort");
    List<String> keys = new ArrayList<>();
    if (sort.isString()) {
      keys.add(sort.asString());
    } else {
      sort.forEach(k -> keys.add(k.asString("")));
    }
    for (String key : keys) {
      Grid.Column<Record> column = grid.getColumnByKey(key.replaceFirst("^[-+]", ""));
      if (column != null) {
        orders.add(new com.vaadin.flow.component.grid.GridSortOrder<>(column, key.startsWith("-") ? SortDirection.DESCENDING : SortDirection.ASCENDING));
      }
    }
    return orders;
  }

  private MultiSelectComboBox<String> columnChooser(FormDefinition definition) {
    MultiSelectComboBox<String> columns = new MultiSelectComboBox<>();
    columns.setPlaceholder(getTranslation("records.columns"));
    columns.setAriaLabel(getTranslation("records.columns"));
    List<String> keys = definition.fields().stream().map(FieldDefinition::key).toList();
    columns.setItems(keys);
    columns.setItemLabelGenerator(k -> definition.findField(k).map(FieldDefinition::displayName).orElse(k));
    columns.setValue(new LinkedHashSet<>(keys.stream().limit(6).toList()));
    columns.addValueChangeListener(e -> showColumns(definition, e.getValue()));
    columns.setId("column-chooser");
    columns.addClassName("column-chooser");
    return columns;
  }

  private Grid<Record> grid(FormDefinition definition) {
    Grid<Record> result = new Grid<>();
    result.setPageSize(PAGE_SIZE);
    result.setMultiSort(true);
    for (FieldDefinition field : definition.fields()) {
      Grid.Column<Record> column = result.addColumn(r -> CellText.of(field, r.data().get(field.key())))
          .setHeader(field.displayName()).setKey(field.key()).setResizable(true).setAutoWidth(true);
      if (!"subform".equals(field.type())) {
        column.setSortable(true).setSortProperty(field.key());
      }
    }
    result.addColumn(Record::createdBy).setHeader(getTranslation("records.system.createdBy")).setKey("createdBy")
        .setSortable(true).setSortProperty("createdBy").setAutoWidth(true);
    result.addColumn(r -> TIME.format(r.createdAt())).setHeader(getTranslation("records.system.createdAt")).setKey("createdAt")
        .setSortable(true).setSortProperty("createdAt").setAutoWidth(true);
    result.setItems(query -> fetch(query.getOffset(), query.getLimit(), sortOf(query.getSortOrders())), query -> count());
    result.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("apps/" + app + "/forms/" + form + "/records/" + e.getItem().id())));
    result.setId("record-grid");
    result.addClassName("record-grid");
    result.setSizeFull();
    return result;
  }

  private void showColumns(FormDefinition definition, Set<String> shown) {
    definition.fields().forEach(f -> grid.getColumnByKey(f.key()).setVisible(shown.contains(f.key())));
  }

  private static List<String> sortOf(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
    List<String> sort = new ArrayList<>();
    orders.stream().limit(3).forEach(o -> sort.add(o.getDirection() == SortDirection.DESCENDING ? "-" + o.getSorted() : o.getSorted()));
    return sort;
  }

  /** The rows {@code offset .. offset+limit} from whole pages of the record service (the grid may ask across a page border). */
  private Stream<Record> fetch(int offset, int limit, List<String> sort) {
    int size = Math.min(Math.max(limit, 1), RecordQuery.MAX_SIZE);
    try {
      List<Record> rows = new ArrayList<>();
      for (int page = offset / size; page * size < offset + limit; page++) {
        RecordPage found = records.query(app, form, new RecordQuery(filters, sort, page, size), user.actor());
        int from = page * size;
        for (int i = 0; i < found.items().size(); i++) {
          if (from + i >= offset && from + i < offset + limit) {
            rows.add(found.items().get(i));
          }
        }
        if (found.items().size() < size) {
          break;
        }
      }
      problem.setText("");
      return rows.stream();
    } catch (TangramException e) {
      problem.setText(e.getMessage());
      return Stream.empty();
    }
  }

  private int count() {
    try {
      long found = records.query(app, form, new RecordQuery(filters, List.of(), 0, 1), user.actor()).total();
      total.setText(getTranslation("records.total", found));
      return (int) Math.min(found, Integer.MAX_VALUE);
    } catch (TangramException e) {
      problem.setText(e.getMessage());
      total.setText("");
      return 0;
    }
  }

  @Override
  public String getPageTitle() {
    return title + " · " + getTranslation("app.name");
  }

}
