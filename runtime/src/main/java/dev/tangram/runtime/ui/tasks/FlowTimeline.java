package dev.tangram.runtime.ui.tasks;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.flows.TimelineEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A record's flow timeline, oldest step first: when, who (display name), what (in the user's
 * language), at which node, and the comment. The record page and the task page show the same one.
 */
public final class FlowTimeline extends Composite<Div> {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  public FlowTimeline(List<TimelineEntry> entries, FlowOutline outline, OrgDirectory directory) {
    Div box = getContent();
    box.addClassName("flow-timeline");
    box.setId("flow-timeline");
    box.add(new H3(getTranslation("flow.timeline")));
    if (entries.isEmpty()) {
      box.add(new Paragraph(getTranslation("flow.timeline.empty")));
    }
    for (TimelineEntry entry : entries) {
      box.add(step(entry, outline, directory));
    }
  }

  private Div step(TimelineEntry entry, FlowOutline outline, OrgDirectory directory) {
    Div step = new Div();
    step.addClassName("timeline-step");
    step.addClassName("timeline-" + entry.action());
    String actor = "flow".equals(entry.actor()) || "system".equals(entry.actor()) ? getTranslation("flow.system") : displayName(entry.actor(), directory);
    Span head = new Span(TIME.format(entry.at()) + " · " + actor);
    head.addClassName("timeline-head");
    Span what = new Span(describe(entry, outline, directory));
    what.addClassName("timeline-what");
    step.add(head, what);
    if (entry.comment() != null && !entry.comment().isBlank()) {
      Span comment = new Span("“" + entry.comment() + "”");
      comment.addClassName("timeline-comment");
      step.add(comment);
    }
    return step;
  }

  private String describe(TimelineEntry entry, FlowOutline outline, OrgDirectory directory) {
    String action = getTranslation("flow.action." + entry.action());
    if (action.startsWith("!")) {
      action = entry.action(); // a step this UI does not know yet: say what the engine says
    }
    StringBuilder text = new StringBuilder(action);
    if ("completed".equals(entry.action()) && entry.details().get("outcome") != null) {
      text.append(": ").append(getTranslation("flow.outcome." + entry.details().get("outcome")));
    } else if (entry.node() != null) {
      text.append(" · ").append(outline.nameOf(entry.node()));
    }
    Object to = entry.details().get("to");
    if (to != null) {
      text.append(" → ").append(displayName(to.toString(), directory));
    }
    Object target = entry.details().get("target");
    if (target != null) {
      text.append(" → ").append("initiator".equals(target) ? getTranslation("flow.return.initiator") : outline.nameOf(target.toString()));
    }
    return text.toString();
  }

  static String displayName(String username, OrgDirectory directory) {
    return directory.findUser(username).map(DirectoryUser::displayName).filter(n -> !n.isBlank()).orElse(username);
  }
}
