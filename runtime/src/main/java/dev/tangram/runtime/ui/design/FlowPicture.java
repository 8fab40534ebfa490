package dev.tangram.runtime.ui.design;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.tangram.engine.flows.DeployedFlow;

/** The deployed flow as a picture for the designer. */
final class FlowPicture {

  private FlowPicture() {}

  static Component of(DeployedFlow flow) {
    Span text = new Span(flow.format() + " · v" + flow.version());
    return new Div(text);
  }
}
