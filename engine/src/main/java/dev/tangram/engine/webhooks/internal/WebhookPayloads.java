package dev.tangram.engine.webhooks.internal;

import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.FieldAccess;
import dev.tangram.engine.access.FormAccess;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.common.Json;
import dev.tangram.engine.common.TangramException;
import dev.tangram.engine.events.Event;
import dev.tangram.engine.forms.FieldDefinition;
import dev.tangram.engine.forms.FormDefinition;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.forms.fields.FieldTypes;
import dev.tangram.engine.webhooks.Subscription;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body a subscription receives for an event, as its owner may see it: nothing if the owner
 * (disabled, removed, or without the right) may not view the record, and without the fields the
 * owner's grants hide. Shape (Standard Webhooks style):
 * {@code {"type", "timestamp", "data": {"event": {…}, "record": {…} | null, "before": {…} | null, "actor": {"username"}}}}.
 */
public final class WebhookPayloads {

  private final FormService forms;
  private final AccessPolicy access;
  private final ExpiringCache<Optional<Actor>> owners;

  public WebhookPayloads(FormService forms, AccessPolicy access, OrgDirectory directory, Duration ttl) {
    this.forms = forms;
    this.access = access;
    this.owners = new ExpiringCache<>(ttl, username -> directory.findUser(username).filter(DirectoryUser::enabled)
        .map(u -> Actor.user(u.username(), java.util.Set.copyOf(u.roles()), u.departments())), o -> true);
  }

  /**
   * @param row the record's {@code createdBy} and {@code ownerDepartment}, read only if a row
   *            check is needed; null when the record is gone
   */
  public Optional<String> bodyFor(Subscription subscription, Event event, Supplier<@Nullable Document> row) {
    Optional<Actor> owner = owners.get(subscription.owner());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("event", eventJson(event));
    data.putObject("actor").put("username", event.actor());
    if (event.form() != null && event.recordId() != null) {
      FormAccess allowed = access.forForm(owner.get(), event.app(), event.form());
      if (!allowed.can(Operation.VIEW) || !reachesRow(allowed, row)) {
        return Optional.empty();
      }
      Map<String, FieldDefinition> fields = fieldsOf(event.app(), event.form());
      if (event.data() == null) {
        data.putNull("record");
      } else {
        data.set("record", recordJson(event, visible(allowed, fields, event.data())));
      }
      if (event.before() == null) {
        data.putNull("before");
      } else {
        data.set("before", visible(allowed, fields, event.before()));
      }
    } else if (!access.isAppAdmin(owner.get(), event.app())) {
      return Optional.empty(); // flow and task events without a record: app admins only
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("type", event.type()).put("timestamp", event.at().toString());
    body.set("data", data);
    return Optional.of(Json.MAPPER.writeValueAsString(body));
  }

  private static boolean reachesRow(FormAccess allowed, Supplier<@Nullable Document> row) {
    if (allowed.rowFilter(Operation.VIEW) == null) {
      return true;
    }
    Document stored = row.get();
    return stored != null && allowed.reaches(Operation.VIEW, stored); // a deleted record's owner is unknown: fail closed
  }

  private static ObjectNode eventJson(Event event) {
    ObjectNode e = Json.MAPPER.createObjectNode().put("id", event.id().toHexString()).put("type", event.type())
        .put("app", event.app()).put("form", event.form()).put("recordId", event.recordId())
        .put("recordVersion", event.recordVersion()).put("status", event.status()).put("at", event.at().toString());
    if (!event.details().isEmpty()) {
      e.set("details", toJson(event.details(), null));
    }
    return e;
  }

  private static ObjectNode recordJson(Event event, ObjectNode data) {
    ObjectNode r = Json.MAPPER.createObjectNode().put("id", event.recordId()).put("app", event.app())
        .put("form", event.form()).put("version", event.recordVersion()).put("status", event.status());
    r.set("data", data);
    return r;
  }

  private static ObjectNode visible(FormAccess allowed, Map<String, FieldDefinition> fields, Document stored) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    for (Map.Entry<String, Object> e : stored.entrySet()) {
      if (allowed.field(e.getKey()) != FieldAccess.HIDDEN) {
        out.set(e.getKey(), toJson(e.getValue(), fields.get(e.getKey())));
      }
    }
    return out;
  }

  /** Field definitions of the latest published version, to show values exactly as the API does. */
  private Map<String, FieldDefinition> fieldsOf(String app, String form) {
    Map<String, FieldDefinition> fields = new HashMap<>();
    try {
      FormDefinition definition = forms.getLatestPublished(app, form).definition();
      definition.fields().forEach(f -> fields.put(f.key(), f));
    } catch (TangramException e) {
      // the form is gone: values are shown as stored
    }
    return fields;
  }

  static JsonNode toJson(@Nullable Object value, @Nullable FieldDefinition field) {
    if (field != null && value != null) {
      try {
        return FieldTypes.get(field.type()).fromStored(value, field);
      } catch (RuntimeException e) {
        // stored by an older version in another shape: fall through to the generic form
      }
    }
    return switch (value) {
      case null -> Json.MAPPER.nullNode();
      case Decimal128 d -> Json.MAPPER.getNodeFactory().numberNode(d.bigDecimalValue());
      case ObjectId id -> Json.MAPPER.getNodeFactory().stringNode(id.toHexString());
      case Date date -> Json.MAPPER.getNodeFactory().stringNode(date.toInstant().toString());
      case Map<?, ?> map -> {
        ObjectNode node = Json.MAPPER.createObjectNode();
        map.forEach((k, v) -> node.set(String.valueOf(k), toJson(v, null)));
        yield node;
      }
      case List<?> list -> {
        var node = Json.MAPPER.createArrayNode();
        list.forEach(v -> node.add(toJson(v, null)));
        yield node;
      }
      default -> Json.MAPPER.valueToTree(value);
    };
  }
}
