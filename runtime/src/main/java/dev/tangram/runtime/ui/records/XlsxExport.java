package dev.tangram.runtime.ui.records;

import dev.tangram.engine.access.Actor;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.records.Record;
import dev.tangram.engine.records.RecordPage;
import dev.tangram.engine.records.RecordQuery;
import dev.tangram.engine.records.RecordService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * Writes the records a list shows (same filters, same permissions) to an .xlsx file, page by page
 * with a streaming workbook, so a large export holds only a window of rows in memory. Text that a
 * spreadsheet would read as a formula ({@code = + - @}, also after tab or CR) is neutralised with a
 * leading apostrophe.
 */
final class XlsxExport {

  private static final int PAGE = RecordQuery.MAX_SIZE;

  private final RecordService records;

  XlsxExport(RecordService records) {
    this.records = records;
  }

  /** @param progress told the number of rows written so far */
  long write(String app, FormDefinition form, List<RecordQuery.Filter> filters, Actor actor, OutputStream out, LongConsumer progress)
      throws IOException {
    List<FieldDefinition> columns = form.fields().stream().filter(f -> !"subform".equals(f.type())).toList();
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet(safeSheetName(form.name()));
      Row header = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(neutralised(columns.get(c).displayName()));
      }
      header.createCell(columns.size()).setCellValue("createdBy");
      header.createCell(columns.size() + 1).setCellValue("createdAt");
      long written = 0;
      for (int page = 0; ; page++) {
        RecordPage found = records.query(app, form.key(), new RecordQuery(filters, List.of("createdAt"), page, PAGE), actor);
        for (Record record : found.items()) {
          Row row = sheet.createRow((int) ++written);
          for (int c = 0; c < columns.size(); c++) {
            write(row.createCell(c), columns.get(c), record.data().get(columns.get(c).key()));
          }
          row.createCell(columns.size()).setCellValue(neutralised(record.createdBy()));
          row.createCell(columns.size() + 1).setCellValue(RecordListView.TIME.format(record.createdAt()));
        }
        progress.accept(written);
        if (found.items().size() < PAGE) {
          break;
        }
      }
      workbook.write(out);
      return written;
    }
  }

  private static void write(Cell cell, FieldDefinition field, JsonNode value) {
    if (value != null && value.isNumber()) {
      cell.setCellValue(value.decimalValue().doubleValue());
    } else if (value != null && value.isBoolean()) {
      cell.setCellValue(value.asBoolean());
    } else {
      cell.setCellValue(neutralised(CellText.of(field, value)));
    }
  }

  /** Text starting with a formula trigger gets a leading apostrophe, so no spreadsheet evaluates it. */
  static String neutralised(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String safeSheetName(String name) {
    String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ").trim();
    return cleaned.isEmpty() ? "records" : cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
  }
}
