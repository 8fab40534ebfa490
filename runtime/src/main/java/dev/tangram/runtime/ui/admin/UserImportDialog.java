package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.TangramException;
import dev.tangram.runtime.api.directory.CsvReader;
import dev.tangram.runtime.api.directory.UserImport;
import dev.tangram.runtime.api.directory.XlsxReader;
import dev.tangram.runtime.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Imports users from a CSV or .xlsx file with the same rules as {@code POST /api/v1/users/import}:
 * every row is checked first, and any problem imports nothing and lists the problems per row.
 */
final class UserImportDialog extends Dialog {

  UserImportDialog(OrgDirectory directory, UserAccounts accounts, AuditLog audit, String admin, Runnable imported) {
    setHeaderTitle(getTranslation("admin.users.import"));
    Paragraph hint = new Paragraph(getTranslation("admin.users.importHint", String.join(",", UserImport.HEADER)));
    Paragraph status = new Paragraph();
    status.setId("user-import-status");
    Grid<FieldError> report = new Grid<>();
    report.addColumn(FieldError::field).setHeader(getTranslation("admin.users.importRow")).setAutoWidth(true).setFlexGrow(0);
    report.addColumn(FieldError::message).setHeader(getTranslation("records.import.message")).setFlexGrow(1);
    report.setAllRowsVisible(true);
    report.setVisible(false);
    report.setId("user-import-report");
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
      upload.clearFileList(); // a corrected file may follow
      report.setVisible(false);
      try {
        boolean excel = metadata.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        List<List<String>> rows = excel ? XlsxReader.read(bytes) : CsvReader.read(new String(bytes, StandardCharsets.UTF_8));
        List<DirectoryUser> users = UserImport.run(rows, directory, accounts);
        audit.record(admin, "user.imported", "users", users.size() + " users: "
            + String.join(", ", users.stream().map(DirectoryUser::username).limit(50).toList()));
        status.setText(getTranslation("admin.users.imported", users.size()));
        imported.run();
      } catch (TangramException e) {
        status.setText(getTranslation("admin.users.importRefused", e.errors().size()));
        report.setItems(e.errors());
        report.setVisible(true);
      }
    })));
    upload.setAcceptedFileTypes(".csv", ".xlsx");
    upload.setId("user-import-upload");
    VerticalLayout body = new VerticalLayout(hint, upload, status, report);
    body.setPadding(false);
    add(body);
    getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    setWidth("min(800px, 100vw)");
  }
}
