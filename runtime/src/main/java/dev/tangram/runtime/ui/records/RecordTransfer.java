package dev.tangram.runtime.ui.records;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import dev.tangram.runtime.ui.shell.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export to and import from .xlsx for a record list. Both run off the request thread with a
 * progress bar (the page polls while they run). An import checks every row first and writes
 * nothing when any row is wrong — unless the user ticked "import the valid rows"; the report lists
 * each wrong row with its field and message.
 */
@Component
public class RecordTransfer {

  private static final int POLL_MS = 400;

  private final RecordService records;
  private final CurrentUser user;
  private final ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor();

  RecordTransfer(RecordService records, CurrentUser user) {
    this.records = records;
    this.user = user;
  }

  /** One line of the import report. */
  public record Problem(int row, String field, String message) {}

  void addButtons(FlexLayout tools, String app, FormDefinition form, Supplier<List<RecordQuery.Filter>> filters, Runnable refresh) {
    Button export = new Button(tools.getTranslation("records.export"), VaadinIcon.DOWNLOAD.create(),
        e -> export(app, form, filters.get(), user.actor()));
    export.setId("export");
    Button importing = new Button(tools.getTranslation("records.import"), VaadinIcon.UPLOAD.create(),
        e -> importDialog(app, form, user.actor(), refresh));
    importing.setId("import");
    tools.add(export, importing);
  }

  private void export(String app, FormDefinition form, List<RecordQuery.Filter> filters, Actor actor) {
    UI ui = UI.getCurrent();
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(ui.getTranslation("records.export"));
    ProgressBar progress = new ProgressBar();
    progress.setIndeterminate(true);
    Paragraph status = new Paragraph(ui.getTranslation("records.export.running"));
    status.setId("export-status");
    VerticalLayout body = new VerticalLayout(status, progress);
    dialog.add(body);
    dialog.getFooter().add(new Button(ui.getTranslation("action.close"), e -> dialog.close()));
    dialog.open();
    ui.setPollInterval(POLL_MS);
    jobs.submit(() -> {
      try {
        File file = Files.createTempFile("tangram-export-", ".xlsx").toFile();
        file.deleteOnExit();
        long rows;
        try (OutputStream out = Files.newOutputStream(file.toPath())) {
          rows = new XlsxExport(records).write(app, form, filters, actor, out,
              written -> ui.access(() -> status.setText(ui.getTranslation("records.export.progress", written))));
        }
        ui.access(() -> {
          ui.setPollInterval(-1);
          progress.setVisible(false);
          status.setText(ui.getTranslation("records.export.done", rows));
          Anchor download = new Anchor(DownloadHandler.forFile(file, form.key() + ".xlsx"), AttachmentType.DOWNLOAD,
              ui.getTranslation("records.export.download"));
          download.setId("export-download");
          body.add(download);
        });
      } catch (IOException | TangramException e) {
        ui.access(() -> {
          ui.setPollInterval(-1);
          progress.setVisible(false);
          status.setText(e.getMessage());
        });
      }
    });
  }

  private void importDialog(String app, FormDefinition form, Actor actor, Runnable refresh) {
    UI ui = UI.getCurrent();
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(ui.getTranslation("records.import"));
    dialog.setWidth("min(720px, 95vw)");
    Checkbox keepValid = new Checkbox(ui.getTranslation("records.import.keepValid"));
    keepValid.setId("import-keep-valid");
    ProgressBar progress = new ProgressBar();
    progress.setVisible(false);
    Paragraph status = new Paragraph(ui.getTranslation("records.import.hint"));
    status.setId("import-status");
    Grid<Problem> report = new Grid<>();
    report.addColumn(Problem::row).setHeader(ui.getTranslation("records.import.row")).setAutoWidth(true).setFlexGrow(0);
    report.addColumn(Problem::field).setHeader(ui.getTranslation("records.import.field")).setAutoWidth(true);
    report.addColumn(Problem::message).setHeader(ui.getTranslation("records.import.message")).setFlexGrow(1);
    report.setVisible(false);
    report.setAllRowsVisible(true);
    report.setId("import-report");
    Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
      boolean keep = keepValid.getValue();
      ui.access(() -> {
        progress.setVisible(true);
        progress.setValue(0);
        ui.setPollInterval(POLL_MS);
      });
      jobs.submit(() -> runImport(ui, app, form, actor, bytes, keep, progress, status, report, refresh));
    }));
    upload.setAcceptedFileTypes(".xlsx");
    upload.setMaxFiles(1);
    upload.setId("import-upload");
    dialog.add(new VerticalLayout(keepValid, upload, status, progress, report));
    dialog.getFooter().add(new Button(ui.getTranslation("action.close"), e -> dialog.close()));
    dialog.open();
  }

  private void runImport(UI ui, String app, FormDefinition form, Actor actor, byte[] bytes, boolean keepValid,
      ProgressBar progress, Paragraph status, Grid<Problem> report, Runnable refresh) {
    List<Problem> problems = new ArrayList<>();
    try {
      XlsxImport.Parsed parsed = XlsxImport.read(form, new ByteArrayInputStream(bytes));
      parsed.headerProblems().forEach(p -> problems.add(new Problem(0, p.field(), p.message())));
      List<XlsxImport.SheetRow> valid = new ArrayList<>();
      int total = parsed.rows().size();
      for (int i = 0; i < total; i++) {
        XlsxImport.SheetRow row = parsed.rows().get(i);
        List<FieldError> errors = records.check(app, form.key(), body(row.data()), actor);
        if (errors.isEmpty()) {
          valid.add(row);
        }
        errors.forEach(err -> problems.add(new Problem(row.number(), err.field(), err.message())));
        report(ui, progress, status, (i + 1) / (double) total / 2, ui.getTranslation("records.import.checking", i + 1, total));
      }
      boolean rowErrors = valid.size() < total;
      int written = 0;
      if (!rowErrors || keepValid) {
        for (XlsxImport.SheetRow row : valid) {
          try {
            records.submit(app, form.key(), body(row.data()), actor);
            written++;
          } catch (TangramException e) {
            e.errors().forEach(err -> problems.add(new Problem(row.number(), err.field(), err.message())));
          }
          report(ui, progress, status, 0.5 + written / (double) Math.max(1, valid.size()) / 2,
              ui.getTranslation("records.import.writing", written, valid.size()));
        }
      }
      int imported = written;
      String summary = rowErrors && !keepValid ? ui.getTranslation("records.import.nothing", total - valid.size())
          : ui.getTranslation("records.import.done", imported, total);
      finish(ui, progress, status, report, problems, summary);
      if (imported > 0) {
        ui.access(refresh::run);
      }
    } catch (IOException | RuntimeException e) {
      finish(ui, progress, status, report, problems, ui.getTranslation("records.import.unreadable") + " " + e.getMessage());
    }
  }

  private static ObjectNode body(ObjectNode data) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.set("data", data);
    return body;
  }

  private static void report(UI ui, ProgressBar progress, Paragraph status, double done, String text) {
    ui.access(() -> {
      progress.setValue(Math.min(1, done));
      status.setText(text);
    });
  }

  private static void finish(UI ui, ProgressBar progress, Paragraph status, Grid<Problem> report, List<Problem> problems, String summary) {
    ui.access(() -> {
      ui.setPollInterval(-1);
      progress.setVisible(false);
      status.setText(summary);
      report.setItems(problems);
      report.setVisible(!problems.isEmpty());
    });
  }

  @PreDestroy
  void stop() {
    jobs.shutdownNow();
  }
}
