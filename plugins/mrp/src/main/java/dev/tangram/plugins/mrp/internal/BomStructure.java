package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.Bom;
import dev.tangram.plugins.mrp.BomComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The active BOMs as a compact adjacency list (compressed rows): the components of parent {@code p}
 * are {@code component(first(p)) .. component(end(p) - 1)}, each with its need per parent batch.
 * Duplicate lines of one component are added together before netting. The first active BOM of a
 * parent is the one exploded.
 */
final class BomStructure {

  private final int[] rowStart;
  private final int[] component;
  private final BigDecimal[] needPerBatch;
  private final BigDecimal[] batchSize;

  BomStructure(List<Bom> boms, ItemIndex items) {
    @SuppressWarnings("unchecked")
    Map<Integer, BigDecimal>[] rows = new Map[items.size()];
    batchSize = new BigDecimal[items.size()];
    int edges = 0;
    for (int b = 0; b < boms.size(); b++) {
      Bom bom = boms.get(b);
      int parent = items.indexOf(bom.parent(), "boms[" + b + "].parent");
      if (bom.isActive() && rows[parent] == null) {
        rows[parent] = componentsOf(bom, b, items);
        batchSize[parent] = bom.outputQty();
        edges += rows[parent].size();
      }
    }
    rowStart = new int[items.size() + 1];
    component = new int[edges];
    needPerBatch = new BigDecimal[edges];
    int next = 0;
    for (int parent = 0; parent < items.size(); parent++) {
      rowStart[parent] = next;
      if (rows[parent] != null) {
        for (Map.Entry<Integer, BigDecimal> line : rows[parent].entrySet()) {
          component[next] = line.getKey();
          needPerBatch[next++] = line.getValue();
        }
      }
    }
    rowStart[items.size()] = next;
  }

  private static Map<Integer, BigDecimal> componentsOf(Bom bom, int b, ItemIndex items) {
    Map<Integer, BigDecimal> row = new LinkedHashMap<>();
    List<BomComponent> lines = bom.components();
    for (int c = 0; c < lines.size(); c++) {
      BomComponent line = lines.get(c);
      int child = items.indexOf(line.item(), "boms[" + b + "].components[" + c + "].item");
      BigDecimal need = line.qtyPer().multiply(BigDecimal.ONE.add(line.scrapPct().movePointLeft(2)));
      row.merge(child, need, BigDecimal::add);
    }
    return row;
  }

  int first(int parent) {
    return rowStart[parent];
  }

  int end(int parent) {
    return rowStart[parent + 1];
  }

  int component(int edge) {
    return component[edge];
  }

  /** Component units per parent batch: {@code qtyPer × (1 + scrapPct/100)}, duplicates added. */
  BigDecimal needPerBatch(int edge) {
    return needPerBatch[edge];
  }

  /** Parent units one batch yields ({@code outputQty}); 1 unless the BOM says otherwise. */
  BigDecimal batchSize(int parent) {
    BigDecimal size = batchSize[parent];
    return size == null ? BigDecimal.ONE : size;
  }
}
