package dev.tangram.plugins.mrp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Names one cycle of the BOM graph as a path, e.g. {@code A -> B -> A}. Runs an iterative depth-first
 * search over the items the topological sort could not place (every cycle lies among them). The
 * path starts at the member of the cycle listed first in the input, so the message is stable.
 */
final class CycleFinder {

  private static final byte UNSEEN = 0;
  private static final byte ON_PATH = 1;
  private static final byte DONE = 2;

  private CycleFinder() {}

  static String findCycle(BomStructure boms, ItemIndex items, int[] parentsLeft) {
    int n = items.size();
    byte[] state = new byte[n];
    int[] path = new int[n];
    int[] nextEdge = new int[n];
    for (int root = 0; root < n; root++) {
      if (parentsLeft[root] == 0 || state[root] != UNSEEN) {
        continue;
      }
      int depth = 0;
      path[0] = root;
      nextEdge[0] = boms.first(root);
      state[root] = ON_PATH;
      while (depth >= 0) {
        int node = path[depth];
        if (nextEdge[depth] == boms.end(node)) {
          state[node] = DONE;
          depth--;
          continue;
        }
        int child = boms.component(nextEdge[depth]++);
        if (state[child] == ON_PATH) {
          return describe(path, depth, child, items);
        }
        if (state[child] == UNSEEN && parentsLeft[child] > 0) {
          state[child] = ON_PATH;
          path[++depth] = child;
          nextEdge[depth] = boms.first(child);
        }
      }
    }
    throw new IllegalStateException("The topological sort left items unsorted but no cycle was found");
  }

  private static String describe(int[] path, int depth, int repeated, ItemIndex items) {
    int from = depth;
    while (path[from] != repeated) {
      from--;
    }
    List<Integer> cycle = new ArrayList<>();
    for (int d = from; d <= depth; d++) {
      cycle.add(path[d]);
    }
    int firstListed = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    StringBuilder text = new StringBuilder();
    for (int k = 0; k <= cycle.size(); k++) {
      text.append(k == 0 ? "" : " -> ").append(items.code(cycle.get((firstListed + k) % cycle.size())));
    }
    return text.toString();
  }
}
