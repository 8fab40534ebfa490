package dev.tangram.runtime.ui.design;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import dev.tangram.engine.flows.DeployedFlow;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The deployed flow as a picture for the designer. */
final class FlowPicture {

  private FlowPicture() {}

  /**
   * @param svg the engine's drawing of that version; shown as an image (a data URI), so nothing in
   *            it can run in the page
   */
  static Component of(DeployedFlow flow, String svg) {
    Span text = new Span(flow.format() + " · v" + flow.version());
    Image picture = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)),
        flow.form() + " v" + flow.version());
    picture.setId("flow-diagram-image");
    picture.getStyle().set("max-width", "100%");
    return new Div(text, new Div(picture));
  }
}
