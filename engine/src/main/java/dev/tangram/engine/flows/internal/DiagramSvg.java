package dev.tangram.engine.flows.internal;

import dev.tangram.engine.common.XmlText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.jspecify.annotations.Nullable;

/**
 * Draws a process as SVG text, with each node marked {@code active}, {@code done} or
 * {@code pending} (attribute {@code data-state} and a CSS class) and each taken sequence flow
 * marked {@code taken}. Uses the BPMN's own diagram (DI) when it places every node — BPMN drawn in
 * a modeler — and otherwise lays the graph out top to bottom itself (compiled flow JSON has no DI).
 * Plain string building, no AWT or font metrics, so it runs headless anywhere; every text from
 * the model is escaped.
 */
public final class DiagramSvg {

  private static final int MARGIN = 24;
  private static final int LAYER_GAP = 56;
  private static final int NODE_GAP = 36;
  private static final int MAX_LABEL = 26;

  private record Box(double x, double y, double w, double h) {
    double cx() {
      return x + w / 2;
    }

    double cy() {
      return y + h / 2;
    }
  }

  private final Process process;
  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final Map<String, List<double[]>> waypoints = new HashMap<>();

  private DiagramSvg(Process process) {
    this.process = process;
  }

  /**
   * @param active activity ids holding the instance now
   * @param done   activity ids passed
   * @param taken  sequence flow ids taken
   */
  public static String render(BpmnModel model, Collection<String> active, Collection<String> done, Collection<String> taken) {
    DiagramSvg svg = new DiagramSvg(model.getMainProcess());
    if (!svg.placeFromDi(model)) {
      svg.boxes.clear();
      svg.waypoints.clear();
      svg.layOut();
    }
    return svg.draw(Set.copyOf(active), Set.copyOf(done), Set.copyOf(taken));
  }

  private List<FlowNode> nodes() {
    List<FlowNode> nodes = new ArrayList<>();
    process.getFlowElements().forEach(e -> {
      if (e instanceof FlowNode n && !(e instanceof BoundaryEvent)) {
        nodes.add(n);
      }
    });
    return nodes;
  }

  /** Uses the model's DI when it places every node; false otherwise. */
  private boolean placeFromDi(BpmnModel model) {
    List<FlowNode> nodes = nodes();
    if (nodes.isEmpty()) {
      return false;
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    for (FlowNode n : nodes) {
      GraphicInfo g = model.getGraphicInfo(n.getId());
      if (g == null || g.getWidth() <= 0 || g.getHeight() <= 0) {
        return false;
      }
      minX = Math.min(minX, g.getX());
      minY = Math.min(minY, g.getY());
    }
    double dx = MARGIN - minX;
    double dy = MARGIN - minY;
    for (FlowNode n : nodes) {
      GraphicInfo g = model.getGraphicInfo(n.getId());
      boxes.put(n.getId(), new Box(g.getX() + dx, g.getY() + dy, g.getWidth(), g.getHeight()));
    }
    for (BoundaryEvent b : boundaryEvents()) {
      GraphicInfo g = model.getGraphicInfo(b.getId());
      if (g != null) {
        boxes.put(b.getId(), new Box(g.getX() + dx, g.getY() + dy, g.getWidth(), g.getHeight()));
      }
    }
    for (SequenceFlow f : process.findFlowElementsOfType(SequenceFlow.class)) {
      List<GraphicInfo> points = model.getFlowLocationGraphicInfo(f.getId());
      if (points != null && points.size() >= 2) {
        waypoints.put(f.getId(), points.stream().map(p -> new double[] {p.getX() + dx, p.getY() + dy}).toList());
      }
    }
    placeBoundaryEvents();
    return true;
  }

  private List<BoundaryEvent> boundaryEvents() {
    return process.findFlowElementsOfType(BoundaryEvent.class);
  }

  /** Longest-path layers from the start, back edges ignored; each layer centred; boundary events on their task's right edge. */
  private void layOut() {
    List<FlowNode> nodes = nodes();
    Map<String, List<String>> next = new LinkedHashMap<>();
    nodes.forEach(n -> next.put(n.getId(), new ArrayList<>()));
    for (SequenceFlow f : process.findFlowElementsOfType(SequenceFlow.class)) {
      String from = process.getFlowElement(f.getSourceRef()) instanceof BoundaryEvent b ? b.getAttachedToRefId() : f.getSourceRef();
      if (next.containsKey(from) && next.containsKey(f.getTargetRef())) {
        next.get(from).add(f.getTargetRef());
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> backEdges = new HashSet<>();
    Set<String> seen = new HashSet<>();
    Set<String> onPath = new HashSet<>();
    nodes.stream().filter(n -> n.getIncomingFlows().isEmpty()).forEach(n -> visit(n.getId(), next, seen, onPath, order, backEdges));
    nodes.forEach(n -> visit(n.getId(), next, seen, onPath, order, backEdges));
    List<String> topological = new ArrayList<>(order.reversed());
    Map<String, Integer> layer = new HashMap<>();
    topological.forEach(id -> layer.putIfAbsent(id, 0));
    for (String id : topological) {
      for (String to : next.get(id)) {
        if (!backEdges.contains(id + ">" + to)) {
          layer.merge(to, layer.get(id) + 1, Math::max);
        }
      }
    }
    List<List<String>> layers = new ArrayList<>();
    for (String id : topological) {
      int l = layer.get(id);
      while (layers.size() <= l) {
        layers.add(new ArrayList<>());
      }
      layers.get(l).add(id);
    }
    double width = 0;
    for (List<String> row : layers) {
      width = Math.max(width, rowWidth(row));
    }
    double y = MARGIN;
    Map<String, Double> xs = new HashMap<>();
    for (List<String> row : layers) {
      sortByParents(row, next, xs);
      double x = MARGIN + (width - rowWidth(row)) / 2;
      double height = row.stream().mapToDouble(id -> size(id)[1]).max().orElse(0);
      for (String id : row) {
        double[] size = size(id);
        Box box = new Box(x, y + (height - size[1]) / 2, size[0], size[1]);
        boxes.put(id, box);
        xs.put(id, box.cx());
        x += size[0] + NODE_GAP;
      }
      y += height + LAYER_GAP;
    }
    placeBoundaryEvents();
  }

  private void visit(String id, Map<String, List<String>> next, Set<String> seen, Set<String> onPath, List<String> order, Set<String> backEdges) {
    if (!seen.add(id)) {
      return;
    }
    onPath.add(id);
    for (String to : next.get(id)) {
      if (onPath.contains(to)) {
        backEdges.add(id + ">" + to);
      } else {
        visit(to, next, seen, onPath, order, backEdges);
      }
    }
    onPath.remove(id);
    order.add(id);
  }

  /** Keeps children under their parents: orders a layer by the mean x of each node's placed predecessors. */
  private static void sortByParents(List<String> row, Map<String, List<String>> next, Map<String, Double> xs) {
    Map<String, Double> weight = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      String id = row.get(i);
      double sum = 0;
      int count = 0;
      for (var e : next.entrySet()) {
        if (e.getValue().contains(id) && xs.containsKey(e.getKey())) {
          sum += xs.get(e.getKey()) + e.getValue().indexOf(id) * 0.001;
          count++;
        }
      }
      weight.put(id, count == 0 ? i * 1000.0 : sum / count);
    }
    row.sort((a, b) -> Double.compare(weight.get(a), weight.get(b)));
  }

  private double rowWidth(List<String> row) {
    return row.stream().mapToDouble(id -> size(id)[0]).sum() + NODE_GAP * Math.max(0, row.size() - 1);
  }

  private double[] size(String id) {
    var element = process.getFlowElement(id);
    if (element instanceof Event) {
      return new double[] {36, 36};
    }
    if (element instanceof Gateway) {
      return new double[] {44, 44};
    }
    int units = Math.min(MAX_LABEL, units(label(element)));
    return new double[] {Math.max(120, units * 7 + 24), 52};
  }

  private void placeBoundaryEvents() {
    Map<String, Integer> perTask = new HashMap<>();
    for (BoundaryEvent b : boundaryEvents()) {
      Box task = boxes.get(b.getAttachedToRefId());
      if (task == null || boxes.containsKey(b.getId())) {
        continue;
      }
      int i = perTask.merge(b.getAttachedToRefId(), 1, Integer::sum) - 1;
      boxes.put(b.getId(), new Box(task.x() + task.w() - 14 - i * 30, task.y() + task.h() - 14, 28, 28));
    }
  }

  private String draw(Set<String> active, Set<String> done, Set<String> taken) {
    double width = boxes.values().stream().mapToDouble(b -> b.x() + b.w()).max().orElse(0) + MARGIN;
    double height = boxes.values().stream().mapToDouble(b -> b.y() + b.h()).max().orElse(0) + MARGIN;
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tg-diagram\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
        .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"")
        .append(XmlText.escape(label(process))).append("\">\n")
        .append("<style>.tg-node rect,.tg-node circle,.tg-node polygon{fill:#fff;stroke:#94a3b8;stroke-width:1.5}"
            + ".tg-done rect,.tg-done circle,.tg-done polygon{fill:#f0fdf4;stroke:#16a34a}"
            + ".tg-active rect,.tg-active circle,.tg-active polygon{fill:#fff7ed;stroke:#ea580c;stroke-width:3}"
            + ".tg-flow path{fill:none;stroke:#94a3b8;stroke-width:1.5}.tg-taken path{stroke:#16a34a}"
            + "text{font:12px sans-serif;fill:#1e293b}.tg-when{font-size:10px;fill:#64748b}.tg-mark{font-size:16px}</style>\n")
        .append("<defs><marker id=\"tg-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
            + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#64748b\"/></marker></defs>\n");
    for (SequenceFlow f : process.findFlowElementsOfType(SequenceFlow.class)) {
      drawFlow(svg, f, taken.contains(f.getId()));
    }
    for (var e : boxes.entrySet()) {
      String state = active.contains(e.getKey()) ? "active" : done.contains(e.getKey()) ? "done" : "pending";
      drawNode(svg, process.getFlowElement(e.getKey()), e.getValue(), state);
    }
    return svg.append("</svg>\n").toString();
  }

  private void drawFlow(StringBuilder svg, SequenceFlow f, boolean isTaken) {
    Box from = boxes.get(f.getSourceRef());
    Box to = boxes.get(f.getTargetRef());
    if (from == null || to == null) {
      return;
    }
    List<double[]> points = waypoints.get(f.getId());
    if (points == null) {
      points = route(from, to);
    }
    svg.append("<g class=\"tg-flow").append(isTaken ? " tg-taken" : "").append("\" data-flow=\"").append(XmlText.escape(f.getId()))
        .append("\" data-state=\"").append(isTaken ? "taken" : "pending").append("\"><path marker-end=\"url(#tg-arrow)\" d=\"");
    for (int i = 0; i < points.size(); i++) {
      svg.append(i == 0 ? 'M' : 'L').append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1])).append(' ');
    }
    svg.append("\"/>");
    String when = condition(f);
    if (when != null) {
      double[] p = points.get(Math.min(1, points.size() - 1));
      svg.append("<text class=\"tg-when\" x=\"").append(n(p[0] + 4)).append("\" y=\"").append(n(p[1] - 4)).append("\">")
          .append(XmlText.escape(shorten(when))).append("<title>").append(XmlText.escape(when)).append("</title></text>");
    }
    svg.append("</g>\n");
  }

  /**
   * Down and across: from the bottom of the source to the top of the target, turning just above
   * the target; around the right of anything in the way when it skips layers (a branch's empty
   * default path); upwards (a loop) around the right side.
   */
  private List<double[]> route(Box from, Box to) {
    double startY = from.y() + from.h();
    if (to.y() > startY - 1) {
      double turn = Math.max(startY + 8, to.y() - 12);
      if (blocked(from.cx(), startY, turn, from, to)) {
        double lane = boxes.values().stream().filter(b -> b != from && b != to && b.y() < to.y() && b.y() + b.h() > startY)
            .mapToDouble(b -> b.x() + b.w()).max().orElse(from.cx()) + 14;
        double out = startY + 12;
        return List.of(new double[] {from.cx(), startY}, new double[] {from.cx(), out}, new double[] {lane, out},
            new double[] {lane, turn}, new double[] {to.cx(), turn}, new double[] {to.cx(), to.y()});
      }
      if (Math.abs(from.cx() - to.cx()) < 1) {
        return List.of(new double[] {from.cx(), startY}, new double[] {to.cx(), to.y()});
      }
      return List.of(new double[] {from.cx(), startY}, new double[] {from.cx(), turn}, new double[] {to.cx(), turn},
          new double[] {to.cx(), to.y()});
    }
    double side = Math.max(from.x() + from.w(), to.x() + to.w()) + NODE_GAP / 2.0;
    return List.of(new double[] {from.x() + from.w(), from.cy()}, new double[] {side, from.cy()}, new double[] {side, to.cy()},
        new double[] {to.x() + to.w(), to.cy()});
  }

  /** Whether a vertical line at {@code x} from {@code y1} to {@code y2} crosses a node other than the two it joins. */
  private boolean blocked(double x, double y1, double y2, Box from, Box to) {
    return boxes.values().stream().anyMatch(b -> b != from && b != to && x >= b.x() - 1 && x <= b.x() + b.w() + 1
        && b.y() < y2 && b.y() + b.h() > y1);
  }

  private void drawNode(StringBuilder svg, org.flowable.bpmn.model.FlowElement element, Box b, String state) {
    String kind = element.getClass().getSimpleName();
    svg.append("<g class=\"tg-node tg-").append(kind.toLowerCase()).append(" tg-").append(state).append("\" data-node=\"")
        .append(XmlText.escape(element.getId())).append("\" data-state=\"").append(state).append("\"><title>")
        .append(XmlText.escape(label(element))).append(element.getName() == null || element.getName().isBlank() ? "" : " (" + XmlText.escape(element.getId()) + ")")
        .append("</title>");
    if (element instanceof Event) {
      svg.append("<circle cx=\"").append(n(b.cx())).append("\" cy=\"").append(n(b.cy())).append("\" r=\"").append(n(b.w() / 2)).append("\"/>");
    } else if (element instanceof Gateway) {
      svg.append("<polygon points=\"").append(n(b.cx())).append(',').append(n(b.y())).append(' ').append(n(b.x() + b.w())).append(',')
          .append(n(b.cy())).append(' ').append(n(b.cx())).append(',').append(n(b.y() + b.h())).append(' ').append(n(b.x())).append(',')
          .append(n(b.cy())).append("\"/><text class=\"tg-mark\" text-anchor=\"middle\" dominant-baseline=\"central\" x=\"").append(n(b.cx()))
          .append("\" y=\"").append(n(b.cy())).append("\">").append(element instanceof ParallelGateway ? "+" : "×").append("</text>");
    } else {
      svg.append("<rect rx=\"8\" x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y())).append("\" width=\"").append(n(b.w()))
          .append("\" height=\"").append(n(b.h())).append("\"/><text text-anchor=\"middle\" dominant-baseline=\"central\" x=\"")
          .append(n(b.cx())).append("\" y=\"").append(n(b.cy())).append("\">").append(XmlText.escape(shorten(label(element)))).append("</text>");
    }
    svg.append("</g>\n");
  }

  private static @Nullable String condition(SequenceFlow f) {
    var when = f.getExtensionElements().get(BpmnElements.WHEN);
    if (when != null && !when.isEmpty() && when.getFirst().getElementText() != null) {
      return when.getFirst().getElementText();
    }
    return f.getConditionExpression() == null || f.getConditionExpression().isBlank() ? null : f.getConditionExpression();
  }

  private static String label(org.flowable.bpmn.model.@Nullable BaseElement element) {
    if (element instanceof org.flowable.bpmn.model.FlowElement f && f.getName() != null && !f.getName().isBlank()) {
      return f.getName();
    }
    if (element instanceof Process p && p.getName() != null && !p.getName().isBlank()) {
      return p.getName();
    }
    return element == null ? "" : element.getId();
  }

  /** Display width in Latin-letter units: CJK and other wide characters count two. */
  private static int units(String text) {
    return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
  }

  private static String shorten(String text) {
    if (units(text) <= MAX_LABEL) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int c : text.codePoints().toArray()) {
      used += c >= 0x2E80 ? 2 : 1;
      if (used > MAX_LABEL - 1) {
        break;
      }
      out.appendCodePoint(c);
    }
    return out.append('…').toString();
  }

  private static String n(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
