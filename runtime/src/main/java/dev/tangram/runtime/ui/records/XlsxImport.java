package dev.tangram.runtime.ui.records;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the first sheet of an .xlsx file into record data: the header row names fields by label or
 * key; each cell is converted for its field's type (numbers, dates, booleans, option labels).
 * Columns that match no importable field are reported once, not guessed.
 */
final class XlsxImport {

  /** Types whose values cannot come from one cell (or are computed by the server). */
  private static final Set<String> NOT_IMPORTED = Set.of("subform", "attachment", "image", "serial");
  private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();
  private static final DataFormatter TEXT = new DataFormatter(Locale.ROOT);

  /** One data row: its number in the sheet (1 = first data row after the header) and its data. */
  record SheetRow(int number, ObjectNode data) {}

  record Parsed(List<SheetRow> rows, List<FieldError> headerProblems) {}

  static Parsed read(FormDefinition form, InputStream xlsx) throws IOException {
    try (Workbook workbook = WorkbookFactory.create(xlsx)) {
      Sheet sheet = workbook.getSheetAt(0);
      Row header = sheet.getRow(sheet.getFirstRowNum());
      List<FieldError> problems = new ArrayList<>();
      Map<Integer, FieldDefinition> columns = new HashMap<>();
      if (header == null) {
        problems.add(new FieldError("file", "empty", "The first sheet is empty"));
        return new Parsed(List.of(), problems);
      }
      for (Cell cell : header) {
        String name = TEXT.formatCellValue(cell).trim();
        if (name.isEmpty() || name.equals("createdBy") || name.equals("createdAt")) {
          continue;
        }
        FieldDefinition field = form.fields().stream()
            .filter(f -> f.key().equalsIgnoreCase(name) || f.displayName().equalsIgnoreCase(name)).findFirst().orElse(null);
        if (field == null || NOT_IMPORTED.contains(field.type()) || field.formula() != null) {
          problems.add(new FieldError("column " + (cell.getColumnIndex() + 1), "unknownColumn",
              "Column '" + name + "' matches no field that can be imported; it is left out"));
        } else {
          columns.put(cell.getColumnIndex(), field);
        }
      }
      List<SheetRow> rows = new ArrayList<>();
      for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        ObjectNode data = NODES.objectNode();
        columns.forEach((index, field) -> {
          JsonNode value = value(row.getCell(index), field);
          if (value != null) {
            data.set(field.key(), value);
          }
        });
        if (!data.isEmpty()) {
          rows.add(new SheetRow(r - header.getRowNum(), data));
        }
      }
      return new Parsed(rows, problems);
    }
  }

  private static @Nullable JsonNode value(@Nullable Cell cell, FieldDefinition field) {
    if (cell == null || cell.getCellType() == CellType.BLANK) {
      return null;
    }
    boolean numeric = cell.getCellType() == CellType.NUMERIC;
    String text = TEXT.formatCellValue(cell).trim();
    if (text.isEmpty()) {
      return null;
    }
    return switch (field.type()) {
      case "number", "money" -> numeric ? NODES.numberNode(BigDecimal.valueOf(cell.getNumericCellValue())) : decimalOrText(text);
      case "boolean" -> cell.getCellType() == CellType.BOOLEAN ? NODES.booleanNode(cell.getBooleanCellValue()) : bool(text);
      case "date" -> numeric && DateUtil.isCellDateFormatted(cell)
          ? NODES.stringNode(cell.getLocalDateTimeCellValue().toLocalDate().toString()) : NODES.stringNode(text);
      case "datetime" -> numeric && DateUtil.isCellDateFormatted(cell)
          ? NODES.stringNode(cell.getLocalDateTimeCellValue().atZone(ZoneId.systemDefault()).toOffsetDateTime().toString())
          : NODES.stringNode(text);
      case "select" -> NODES.stringNode(option(field, text));
      case "multiselect" -> {
        ArrayNode values = NODES.arrayNode();
        for (String part : text.split("[,，;；]")) {
          if (!part.isBlank()) {
            values.add(option(field, part.trim()));
          }
        }
        yield values;
      }
      default -> NODES.stringNode(text);
    };
  }

  private static JsonNode decimalOrText(String text) {
    try {
      return NODES.numberNode(new BigDecimal(text.replace(",", "")));
    } catch (NumberFormatException e) {
      return NODES.stringNode(text); // the server reports it at the field
    }
  }

  private static JsonNode bool(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (Set.of("true", "yes", "y", "1", "是", "✓").contains(t)) {
      return NODES.booleanNode(true);
    }
    if (Set.of("false", "no", "n", "0", "否", "✗").contains(t)) {
      return NODES.booleanNode(false);
    }
    return NODES.stringNode(text);
  }

  private static String option(FieldDefinition field, String text) {
    return field.options().stream().filter(o -> o.value().equals(text) || o.label().equals(text))
        .map(FieldDefinition.Option::value).findFirst().orElse(text);
  }
}
