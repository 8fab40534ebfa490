package dev.tangram.runtime.api.directory;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: commas, double-quoted cells with "" escapes and line breaks, CRLF or LF, a BOM ignored. */
public final class CsvReader {

  private CsvReader() {}

  public static List<List<String>> read(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        addUnlessBlank(rows, row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    row.add(cell.toString());
    addUnlessBlank(rows, row);
    return rows;
  }

  private static void addUnlessBlank(List<List<String>> rows, List<String> row) {
    if (!(row.size() == 1 && row.getFirst().isBlank())) {
      rows.add(row);
    }
  }
}
