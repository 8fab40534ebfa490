package dev.tangram.runtime.api.directory;

import dev.tangram.engine.common.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The first sheet of an .xlsx file as rows of cell texts, the way a person sees them in Excel. */
public final class XlsxReader {

  private XlsxReader() {}

  public static List<List<String>> read(byte[] xlsx) {
    DataFormatter formatter = new DataFormatter();
    List<List<String>> rows = new ArrayList<>();
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(0);
      int width = 0;
      for (Row row : sheet) {
        width = Math.max(width, row.getLastCellNum());
      }
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
        }
        if (cells.stream().anyMatch(s -> !s.isEmpty())) {
          rows.add(cells);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw ValidationException.of("body", "xlsx", "The file is not a readable .xlsx workbook");
    }
    return rows;
  }
}
