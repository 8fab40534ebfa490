package dev.tangram.engine.flows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads the flow diagrams' SVG back as XML, the way a browser would, for the tests. */
final class FlowSvg {

  private FlowSvg() {}

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    if (!"svg".equals(doc.getDocumentElement().getTagName())) {
      throw new AssertionError("not an SVG document: " + doc.getDocumentElement().getTagName());
    }
    return doc;
  }

  static Element node(Document svg, String id) {
    for (Element g : elements(svg, "g")) {
      if (id.equals(g.getAttribute("data-node"))) {
        return g;
      }
    }
    throw new AssertionError("no node '" + id + "' in the diagram");
  }

  static String state(Document svg, String id) {
    return node(svg, id).getAttribute("data-state");
  }

  static List<String> takenFlows(Document svg) {
    return elements(svg, "g").stream().filter(g -> "taken".equals(g.getAttribute("data-state"))).map(g -> g.getAttribute("data-flow")).toList();
  }

  static List<String> texts(Document svg) {
    return elements(svg, "text").stream().map(Element::getTextContent).toList();
  }

  /** The top of a node's shape. */
  static double y(Document svg, String id) {
    Element g = node(svg, id);
    for (String tag : List.of("rect", "circle", "polygon")) {
      NodeList shapes = g.getElementsByTagName(tag);
      if (shapes.getLength() > 0) {
        Element shape = (Element) shapes.item(0);
        return switch (tag) {
          case "rect" -> Double.parseDouble(shape.getAttribute("y"));
          case "circle" -> Double.parseDouble(shape.getAttribute("cy")) - Double.parseDouble(shape.getAttribute("r"));
          default -> Double.parseDouble(shape.getAttribute("points").split(",")[1].split(" ")[0]);
        };
      }
    }
    throw new AssertionError("node '" + id + "' has no shape");
  }

  private static List<Element> elements(Document svg, String tag) {
    NodeList list = svg.getElementsByTagName(tag);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      result.add((Element) list.item(i));
    }
    return result;
  }
}
