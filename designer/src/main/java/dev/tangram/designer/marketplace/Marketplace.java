package dev.tangram.designer.marketplace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.templates.CatalogEntry;
import dev.tangram.engine.templates.SemVer;
import dev.tangram.engine.templates.TemplatePackage;
import dev.tangram.engine.templates.TemplateService;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The marketplace page's body: add a package (.zip), the installed apps (open, upgrade, parameters,
 * uninstall) and the catalog (what each template is, needs and creates; install).
 */
public final class Marketplace extends VerticalLayout {

  private final TemplateService templates;
  private final AuditLog audit;
  private final String actor;
  private final Div installed = new Div();
  private final Div catalog = new Div();
  private final Problems uploadProblems = new Problems();
  private final Span uploadStatus = new Span();

  /** @param actor the platform admin using the page (the caller checks that they are one) */
  public Marketplace(TemplateService templates, AuditLog audit, String actor) {
    this.templates = templates;
    this.audit = audit;
    this.actor = actor;
    setPadding(false);
    setWidthFull();
    addClassName("marketplace");
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
      addPackage(bytes);
      upload.clearFileList(); // ready for the next package
    })));
    upload.setAcceptedFileTypes(".zip");
    upload.setUploadButton(new Button(getTranslation("market.add"), VaadinIcon.UPLOAD.create()));
    upload.setDropLabel(new Span(getTranslation("market.add.drop")));
    upload.setId("package-upload");
    uploadStatus.setId("package-status");
    uploadProblems.setId("package-problems");
    H2 title = new H2(getTranslation("market.title"));
    HorizontalLayout header = new HorizontalLayout(title);
    header.setWidthFull();
    header.expand(title);
    installed.addClassName("tiles");
    installed.setWidthFull();
    catalog.setWidthFull();
    installed.setId("installed-apps");
    catalog.addClassName("tiles");
    catalog.setId("catalog");
    add(header, upload, uploadStatus, uploadProblems, new H3(getTranslation("market.installed")), installed,
        new H3(getTranslation("market.catalog")), catalog);
    refresh();
  }

  private void addPackage(byte[] zip) {
    try {
      TemplatePackage pkg = templates.catalog().add(zip, actor);
      audit.record(actor, "template.added", "template:" + pkg.key(), pkg.version().toString());
      uploadProblems.show(List.of());
      uploadStatus.setText(getTranslation("market.add.done", pkg.key(), pkg.version().toString()));
      refresh();
    } catch (TangramException e) {
      uploadStatus.setText(getTranslation("market.add.refused", e.errors().size()));
      uploadProblems.show(e.errors());
    }
  }

  private void refresh() {
    List<CatalogEntry> entries = templates.list();
    installed.removeAll();
    catalog.removeAll();
    entries.stream().filter(e -> e.installedVersion() != null).forEach(e -> installed.add(installedCard(e)));
    if (installed.getComponentCount() == 0) {
      installed.add(new Paragraph(getTranslation("market.noneInstalled")));
    }
    entries.forEach(e -> catalog.add(catalogCard(e)));
  }

  private Div catalogCard(CatalogEntry entry) {
    Div card = card(entry);
    card.setId("template-" + entry.key());
    card.add(line(getTranslation("market.description"), Texts.pick(entry.description(), getLocale())));
    if (!entry.requiredPlugins().isEmpty()) {
      card.add(line(getTranslation("market.plugins"), String.join(", ", entry.requiredPlugins())));
    }
    if (!entry.requiredTemplates().isEmpty()) {
      card.add(line(getTranslation("market.templates"), String.join(", ", entry.requiredTemplates())));
    }
    card.add(line(getTranslation("market.creates"), creates(entry.creates())));
    if (!entry.forms().isEmpty()) {
      card.add(line(getTranslation("market.forms"), String.join(", ", entry.forms())));
    }
    if (!entry.problems().isEmpty()) {
      Problems problems = new Problems();
      problems.show(entry.problems());
      card.add(problems);
      return card;
    }
    HorizontalLayout actions = new HorizontalLayout();
    actions.addClassName("card-actions");
    if (entry.installedVersion() == null) {
      Button install = new Button(getTranslation("market.install"), VaadinIcon.DOWNLOAD.create(),
          e -> new InstallDialog(entry, templates, audit, actor, app -> refresh()).open());
      install.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      install.setId("install-" + entry.key());
      actions.add(install);
    } else {
      actions.add(new Span(getTranslation("market.installedVersion", entry.installedVersion())));
    }
    card.add(actions);
    return card;
  }

  private Div installedCard(CatalogEntry entry) {
    Div card = card(entry);
    card.setId("installed-" + entry.key());
    card.add(line(getTranslation("market.installedVersion", entry.installedVersion()), ""));
    HorizontalLayout actions = new HorizontalLayout();
    actions.addClassName("card-actions");
    Anchor open = new Anchor("apps/" + entry.key(), getTranslation("market.open"));
    open.setId("open-" + entry.key());
    actions.add(open);
    if (newer(entry)) {
      Button upgrade = new Button(getTranslation("market.upgrade", entry.version()), VaadinIcon.ARROW_CIRCLE_UP.create(),
          e -> new ChangeDialog(entry, false, templates, audit, actor, this::refresh).open());
      upgrade.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      upgrade.setId("upgrade-" + entry.key());
      actions.add(upgrade);
    }
    if (!entry.parameters().isEmpty() && entry.version().equals(entry.installedVersion())) {
      Button params = new Button(getTranslation("market.params"), VaadinIcon.SLIDERS.create(),
          e -> new ChangeDialog(entry, true, templates, audit, actor, this::refresh).open());
      params.setId("params-" + entry.key());
      actions.add(params);
    }
    Button uninstall = new Button(getTranslation("market.uninstall"), VaadinIcon.TRASH.create(),
        e -> new UninstallDialog(entry, templates, audit, actor, this::refresh).open());
    uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    uninstall.setId("uninstall-" + entry.key());
    actions.add(uninstall);
    card.add(actions);
    return card;
  }

  private Div card(CatalogEntry entry) {
    Div card = new Div();
    card.addClassName("tile");
    card.addClassName("template-card");
    String name = entry.name().isEmpty() ? entry.key() : Texts.pick(entry.name(), getLocale());
    Span icon = new Span(name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(getLocale()));
    icon.addClassName("tile-icon");
    Span title = new Span(name);
    title.addClassName("tile-name");
    Span meta = new Span(String.join(" · ", List.of(entry.key(), entry.version().isEmpty() ? "?" : entry.version(),
        entry.category().isEmpty() ? "-" : entry.category(), entry.origin())));
    meta.addClassName("tile-meta");
    card.add(icon, title, meta);
    return card;
  }

  private Div line(String label, String text) {
    Span l = new Span(label);
    l.addClassName("template-label");
    Div line = new Div(l, new Span(" " + text));
    line.addClassName("tile-description");
    return line;
  }

  private String creates(Map<String, Integer> counts) {
    return counts.entrySet().stream().filter(c -> c.getValue() > 0)
        .map(c -> getTranslation("market.creates." + c.getKey()) + " " + c.getValue()).collect(Collectors.joining(", "));
  }

  private static boolean newer(CatalogEntry entry) {
    var offered = SemVer.parse(entry.version());
    var have = entry.installedVersion() == null ? java.util.Optional.<SemVer>empty() : SemVer.parse(entry.installedVersion());
    return offered.isPresent() && have.isPresent() && offered.get().isNewerThan(have.get());
  }
}
