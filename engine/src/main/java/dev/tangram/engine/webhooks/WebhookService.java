package dev.tangram.engine.webhooks;

import com.mongodb.client.model.Updates;
import dev.tangram.engine.access.AccessPolicy;
import dev.tangram.engine.access.Actor;
import dev.tangram.engine.access.Operation;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ForbiddenException;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.events.EventTypes;
import dev.tangram.engine.forms.FormService;
import dev.tangram.engine.webhooks.internal.DeliveryStore;
import dev.tangram.engine.webhooks.internal.OutboundAddressGuard;
import dev.tangram.engine.webhooks.internal.SubscriptionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions and their deliveries, as their owners see them. A subscription to a whole app needs
 * its creator to be an app admin; one to a form needs the right to view that form's records. Only
 * the owner and platform admins see a subscription; to anyone else it does not exist.
 */
public final class WebhookService {

  private static final Set<String> CREATE_MEMBERS = Set.of("app", "form", "events", "url", "description");
  private static final Set<String> UPDATE_MEMBERS = Set.of("events", "url", "description", "enabled");

  private final SubscriptionStore subscriptions;
  private final DeliveryStore deliveries;
  private final OutboundAddressGuard guard;
  private final FormService forms;
  private final AccessPolicy access;
  private final Clock clock;
  private final Runnable wakeWorker;

  WebhookService(SubscriptionStore subscriptions, DeliveryStore deliveries, OutboundAddressGuard guard, FormService forms,
      AccessPolicy access, Clock clock, Runnable wakeWorker) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.guard = guard;
    this.forms = forms;
    this.access = access;
    this.clock = clock;
    this.wakeWorker = wakeWorker;
  }

  /** {@code {"app", "form"?, "events": [...], "url", "description"?}}; the secret is shown only here. */
  public Subscription.Created create(JsonNode body, Actor actor) {
    Bodies.requireObject(body, CREATE_MEMBERS);
    List<FieldError> errors = new ArrayList<>();
    String app = Bodies.string(body, "app", true, errors);
    String form = Bodies.string(body, "form", false, errors);
    List<String> events = events(body, errors);
    String url = Bodies.string(body, "url", true, errors);
    String description = Bodies.string(body, "description", false, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    guard.checkUrl("url", url);
    if (form != null) {
      forms.getDraft(app, form); // 404 for a form that does not exist
      if (!access.forForm(actor, app, form).can(Operation.VIEW)) {
        throw new ForbiddenException(actor.username() + " may not view records of form '" + form + "', so may not subscribe to them");
      }
    } else if (!access.isAppAdmin(actor, app)) {
      throw new ForbiddenException(actor.username() + " is no admin of app '" + app + "'; subscribe to one of its forms instead");
    }
    Subscription s = new Subscription(new ObjectId().toHexString(), app, form, events, url, description, actor.username(),
        true, null, clock.instant());
    String secret = WebhookSignature.newSecret();
    subscriptions.insert(s, secret);
    return new Subscription.Created(s, secret);
  }

  /** The caller's subscriptions; all of them for platform admins. */
  public List<Subscription> list(Actor actor) {
    return subscriptions.all(actor.unconstrained() ? null : actor.username()).stream().map(SubscriptionStore.Stored::subscription).toList();
  }

  public Subscription get(String id, Actor actor) {
    return visible(id, actor).subscription();
  }

  /** Changes {@code events}, {@code url}, {@code description} or {@code enabled} (re-enabling resumes waiting deliveries). */
  public Subscription update(String id, JsonNode body, Actor actor) {
    Subscription s = visible(id, actor).subscription();
    Bodies.requireObject(body, UPDATE_MEMBERS);
    List<FieldError> errors = new ArrayList<>();
    List<Bson> changes = new ArrayList<>();
    if (body.has("events")) {
      changes.add(Updates.set("events", events(body, errors)));
    }
    if (body.has("url")) {
      String url = Bodies.string(body, "url", true, errors);
      if (url != null) {
        guard.checkUrl("url", url);
        changes.add(Updates.set("url", url));
      }
    }
    if (body.has("description")) {
      changes.add(Updates.set("description", Bodies.string(body, "description", false, errors)));
    }
    if (body.has("enabled")) {
      if (!body.get("enabled").isBoolean()) {
        errors.add(new FieldError("enabled", "type", "'enabled' must be true or false"));
      } else {
        boolean enabled = body.get("enabled").asBoolean();
        changes.add(Updates.set("enabled", enabled));
        changes.add(enabled ? Updates.unset("disabledReason") : Updates.set("disabledReason", "Disabled by " + actor.username()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    if (!changes.isEmpty()) {
      subscriptions.update(s.id(), Updates.combine(changes));
      wakeWorker.run();
    }
    return get(id, actor);
  }

  public void delete(String id, Actor actor) {
    subscriptions.delete(visible(id, actor).subscription());
    deliveries.dropQueued(id);
  }

  /** @param state {@code pending}, {@code delivered}, {@code dead} or null for all */
  public List<Delivery> deliveries(String id, @Nullable String state, int page, int size, Actor actor) {
    visible(id, actor);
    if (state != null && !Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.DEAD).contains(state)) {
      throw ValidationException.of("state", "invalid", "'state' must be pending, delivered or dead");
    }
    if (page < 0 || size < 1 || size > 200) {
      throw ValidationException.of("size", "range", "'page' must be 0 or more and 'size' between 1 and 200");
    }
    return deliveries.page(id, state, page, size);
  }

  /** Sends a delivery again now (also a delivered or dead one), with a fresh retry schedule. */
  public void redeliver(String id, String deliveryId, Actor actor) {
    visible(id, actor);
    deliveries.redeliver(id, deliveryId, clock.instant())
        .orElseThrow(() -> new NotFoundException("delivery", "Webhook " + id + " has no delivery " + deliveryId));
    wakeWorker.run();
  }

  private SubscriptionStore.Stored visible(String id, Actor actor) {
    return subscriptions.find(id).filter(s -> actor.unconstrained() || s.subscription().owner().equals(actor.username()))
        .orElseThrow(() -> new NotFoundException("id", "There is no webhook " + id));
  }

  private static List<String> events(JsonNode body, List<FieldError> errors) {
    JsonNode node = body.get("events");
    if (node == null || !node.isArray() || node.isEmpty()) {
      errors.add(new FieldError("events", "required", "'events' must list at least one of " + String.join(", ", EventTypes.ALL)));
      return List.of();
    }
    Set<String> events = new LinkedHashSet<>();
    for (JsonNode e : node) {
      if (!e.isString() || !EventTypes.ALL.contains(e.asString())) {
        errors.add(new FieldError("events", "unknownEvent", "Unknown event " + e + "; events are " + String.join(", ", EventTypes.ALL)));
      } else {
        events.add(e.asString());
      }
    }
    return List.copyOf(events);
  }
}
