package dev.tangram.engine.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.Keys;
import dev.tangram.engine.common.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what in an app, kept in {@code _access} (one document per app): the app's admins and
 * members, and the grants of each form. Sensible defaults when nothing is set: everyone is a member,
 * and a form's members may submit and see, change and delete their own records.
 */
public final class AccessSettings {

  /** Members and admins of an app, as grant holders ({@code user:…}, {@code role:…}, …). */
  public record AppRoles(List<String> admins, List<String> members) {
    public AppRoles {
      admins = List.copyOf(admins);
      members = List.copyOf(members);
    }
  }

  static final List<Grant> DEFAULT_GRANTS = List.of(new Grant("everyone",
      EnumSet.of(Operation.SUBMIT, Operation.VIEW, Operation.EDIT, Operation.DELETE), RowScope.OWN, Map.of()));
  private static final Pattern HOLDER = Pattern.compile("everyone|(user|role|department):[A-Za-z0-9_.@\\-]{1,64}");

  private final MongoCollection<Document> access;
  /** The settings document per app; an app without one is remembered as empty too. */
  private final ExpiringCache<Optional<Document>> cache;

  /**
   * @param ttl how long this node trusts what it read; a change made on another node applies here
   *     after at most this long (a change made here applies at once)
   */
  public AccessSettings(MongoDatabase database, Duration ttl) {
    this.access = database.getCollection("_access");
    this.cache = new ExpiringCache<>(ttl, app -> Optional.ofNullable(access.find(Filters.eq("_id", app)).first()), v -> true);
  }

  private @Nullable Document load(String app) {
    return cache.get(app).orElse(null);
  }

  public AppRoles appRoles(String app) {
    Document d = load(app);
    if (d == null) {
      return new AppRoles(List.of(), List.of("everyone"));
    }
    List<String> members = d.getList("members", String.class, List.of());
    return new AppRoles(d.getList("admins", String.class, List.of()), members.isEmpty() ? List.of("everyone") : members);
  }

  public void setAppRoles(String app, AppRoles roles) {
    List<FieldError> errors = new ArrayList<>();
    checkHolders("admins", roles.admins(), errors);
    checkHolders("members", roles.members(), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    access.updateOne(Filters.eq("_id", app), Updates.combine(Updates.set("admins", roles.admins()),
        Updates.set("members", roles.members())), new UpdateOptions().upsert(true));
    cache.invalidate(app);
  }

  /** The form's grants, or the defaults when none were set. */
  public List<Grant> grants(String app, String form) {
    return storedGrants(app, form).orElse(DEFAULT_GRANTS);
  }

  /** The grants set for the form (by an admin or a template), empty when the defaults apply. */
  public Optional<List<Grant>> storedGrants(String app, String form) {
    Document d = load(app);
    Document forms = d == null ? null : d.get("forms", Document.class);
    List<Document> stored = forms == null ? null : forms.getList(form, Document.class);
    return Optional.ofNullable(stored).map(l -> l.stream().map(AccessSettings::toGrant).toList());
  }

  /** Forgets the grants of every form of the app (its forms are gone); its admins and members stay. */
  public void removeGrants(String app) {
    access.updateOne(Filters.eq("_id", app), Updates.unset("forms"));
    cache.invalidate(app);
  }

  /** Whether {@code holder} is {@code everyone}, {@code user:…}, {@code role:…} or {@code department:…}. */
  public static boolean isHolder(String holder) {
    return HOLDER.matcher(holder).matches();
  }

  public void setGrants(String app, String form, List<Grant> grants) {
    Keys.require("form", form);
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < grants.size(); i++) {
      Grant grant = grants.get(i);
      if (!HOLDER.matcher(grant.to()).matches()) {
        errors.add(new FieldError("grants[" + i + "].to", "pattern", "'" + grant.to() + "' is not everyone, user:…, role:… or department:…"));
      }
      if (grant.operations().isEmpty()) {
        errors.add(new FieldError("grants[" + i + "].operations", "required", "A grant needs at least one operation"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    access.updateOne(Filters.eq("_id", app), Updates.set("forms." + form, grants.stream().map(AccessSettings::toDocument).toList()),
        new UpdateOptions().upsert(true));
    cache.invalidate(app);
  }

  private static void checkHolders(String field, List<String> holders, List<FieldError> errors) {
    for (String holder : holders) {
      if (!HOLDER.matcher(holder).matches()) {
        errors.add(new FieldError(field, "pattern", "'" + holder + "' is not everyone, user:…, role:… or department:…"));
      }
    }
  }

  private static Document toDocument(Grant grant) {
    Document fields = new Document();
    grant.fields().forEach((k, v) -> fields.put(k, v.name()));
    return new Document("to", grant.to()).append("operations", grant.operations().stream().map(Enum::name).sorted().toList())
        .append("scope", grant.scope().name()).append("fields", fields);
  }

  private static Grant toGrant(Document d) {
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    d.getList("operations", String.class).forEach(o -> operations.add(Operation.valueOf(o)));
    Map<String, FieldAccess> fields = new LinkedHashMap<>();
    d.get("fields", Document.class).forEach((k, v) -> fields.put(k, FieldAccess.valueOf((String) v)));
    return new Grant(d.getString("to"), operations, RowScope.valueOf(d.getString("scope")), fields);
  }

}
