package dev.tangram.engine.events.internal;

import dev.tangram.engine.events.Event;
import java.util.Date;
import org.bson.Document;

/** How an {@link Event} is stored, both inside a record's outbox and in {@code _events}. */
public final class EventDocuments {

  private EventDocuments() {}

  public static Document toDocument(Event e) {
    return new Document("_id", e.id()).append("type", e.type()).append("app", e.app()).append("form", e.form())
        .append("recordId", e.recordId()).append("recordVersion", e.recordVersion()).append("status", e.status())
        .append("actor", e.actor()).append("at", Date.from(e.at())).append("data", e.data())
        .append("before", e.before()).append("details", e.details());
  }

  public static Event fromDocument(Document d) {
    Document details = d.get("details", Document.class);
    return new Event(d.getObjectId("_id"), d.getString("type"), d.getString("app"), d.getString("form"),
        d.getString("recordId"), ((Number) d.get("recordVersion")).longValue(), d.getString("status"),
        d.getString("actor"), d.getDate("at").toInstant(), d.get("data", Document.class),
        d.get("before", Document.class), details == null ? new Document() : details);
  }
}
