package dev.tangram.plugins.mrp.internal;

import dev.tangram.plugins.mrp.MrpInputException;

/**
 * Low-level codes by topological sort (Kahn): an item's code is one more than the highest code of
 * its parents, end items 0. Linear in items plus BOM lines, no recursion, so deep or wide BOMs
 * cannot overflow the stack. An item left unsorted lies on or below a cycle, which is reported.
 */
final class LowLevelCoder {

  private LowLevelCoder() {}

  /** Low-level code per item index; refuses a cyclic BOM with {@code BOM_CYCLE} and its path. */
  static int[] lowLevelCodes(BomStructure boms, ItemIndex items) {
    int n = items.size();
    int[] parentsLeft = new int[n];
    for (int parent = 0; parent < n; parent++) {
      for (int e = boms.first(parent); e < boms.end(parent); e++) {
        parentsLeft[boms.component(e)]++;
      }
    }
    int[] queue = new int[n];
    int tail = 0;
    for (int i = 0; i < n; i++) {
      if (parentsLeft[i] == 0) {
        queue[tail++] = i;
      }
    }
    int[] codes = new int[n];
    for (int head = 0; head < tail; head++) {
      int parent = queue[head];
      for (int e = boms.first(parent); e < boms.end(parent); e++) {
        int child = boms.component(e);
        codes[child] = Math.max(codes[child], codes[parent] + 1);
        if (--parentsLeft[child] == 0) {
          queue[tail++] = child;
        }
      }
    }
    if (tail < n) {
      String path = CycleFinder.findCycle(boms, items, parentsLeft);
      throw new MrpInputException(MrpInputException.BOM_CYCLE, "boms", "BOM cycle: " + path);
    }
    return codes;
  }

  /** Item indexes sorted by ascending low-level code, input order within a code (counting sort). */
  static int[] planningOrder(int[] codes) {
    int maxCode = 0;
    for (int code : codes) {
      maxCode = Math.max(maxCode, code);
    }
    int[] start = new int[maxCode + 2];
    for (int code : codes) {
      start[code + 1]++;
    }
    for (int c = 0; c <= maxCode; c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      order[start[codes[i]]++] = i;
    }
    return order;
  }
}
