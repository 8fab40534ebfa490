package dev.tangram.engine.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.ExpiringCache;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.MongoWrites;
import dev.tangram.engine.common.NotFoundException;
import dev.tangram.engine.common.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Users, the department tree and roles, in {@code _users}, {@code _departments} and
 * {@code _roles}. Every write checks its references (departments, roles, heads, parents) and
 * refuses cycles, so the tree stays a tree. Credentials on {@code _users} are the runtime's.
 * Lookups by id and role members are read through a short cache: approver resolution and access
 * checks ask for the same few users and departments many times per request (a change made on this
 * node is seen at once, one made on another node within {@link #TRUST}).
 */
public final class OrgDirectory {

  private final MongoCollection<Document> users;
  private final MongoCollection<Document> departments;
  private final MongoCollection<Document> roles;
  private final ExpiringCache<Optional<DirectoryUser>> userById;
  private final ExpiringCache<Optional<Department>> departmentById;
  private final ExpiringCache<List<String>> roleMembers;

  static final Duration TRUST = Duration.ofSeconds(2);

  public OrgDirectory(MongoDatabase database) {
    this.users = database.getCollection("_users");
    this.departments = database.getCollection("_departments");
    this.roles = database.getCollection("_roles");
    // only found entries are remembered: a user or department created elsewhere is seen at once
    this.userById = new ExpiringCache<>(TRUST, id -> Optional.ofNullable(users.find(Filters.eq("_id", id)).first()).map(OrgDirectory::toUser),
        Optional::isPresent);
    this.departmentById = new ExpiringCache<>(TRUST,
        id -> Optional.ofNullable(departments.find(Filters.eq("_id", id)).first()).map(OrgDirectory::toDepartment), Optional::isPresent);
    this.roleMembers = new ExpiringCache<>(TRUST, this::readUsersWithRole, members -> true);
  }

  // ---- users ----

  /** Creates ({@code create}) or updates a user's directory entry. */
  public DirectoryUser saveUser(DirectoryUser user, boolean create) {
    List<FieldError> errors = problemsOf(user);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Document fields = new Document("displayName", user.displayName()).append("email", user.email()).append("phone", user.phone())
        .append("departments", user.departments()).append("roles", user.roles()).append("enabled", user.enabled());
    if (create) {
      MongoWrites.insertOrConflict(users, withId(user.username(), fields).append("createdAt", new java.util.Date()),
          "username", "A user '" + user.username() + "' already exists");
    } else if (users.updateOne(Filters.eq("_id", user.username()), new Document("$set", fields)).getMatchedCount() == 0) {
      throw new NotFoundException("username", "There is no user '" + user.username() + "'");
    }
    userById.invalidate(user.username());
    roleMembers.invalidatePrefix("");
    return user;
  }

  /** Every problem {@link #saveUser} would refuse {@code user} for, without writing anything. */
  public List<FieldError> problemsOf(DirectoryUser user) {
    List<FieldError> errors = DirectoryChecks.user(user);
    checkReferences(user, errors);
    return errors;
  }

  public List<DirectoryUser> users() {
    List<DirectoryUser> result = new ArrayList<>();
    users.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(toUser(d)));
    return result;
  }

  public Optional<DirectoryUser> findUser(String username) {
    return userById.get(username);
  }

  public DirectoryUser getUser(String username) {
    return findUser(username).orElseThrow(() -> new NotFoundException("username", "There is no user '" + username + "'"));
  }

  // ---- departments ----

  public Department saveDepartment(Department department, boolean create) {
    List<FieldError> errors = DirectoryChecks.department(department);
    if (department.parent() != null) {
      if (findDepartment(department.parent()).isEmpty()) {
        errors.add(new FieldError("parent", "unknownDepartment", "There is no department '" + department.parent() + "'"));
      } else if (ancestorsOf(department.parent()).contains(department.id()) || department.parent().equals(department.id())) {
        errors.add(new FieldError("parent", "cycle", "Department '" + department.id() + "' cannot sit below itself"));
      }
    }
    for (String head : department.heads()) {
      if (findUser(head).isEmpty()) {
        errors.add(new FieldError("heads", "unknownUser", "There is no user '" + head + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Document fields = new Document("name", department.name()).append("parent", department.parent()).append("heads", department.heads());
    if (create) {
      MongoWrites.insertOrConflict(departments, withId(department.id(), fields), "id", "A department '" + department.id() + "' already exists");
    } else if (departments.updateOne(Filters.eq("_id", department.id()), new Document("$set", fields)).getMatchedCount() == 0) {
      throw new NotFoundException("id", "There is no department '" + department.id() + "'");
    }
    departmentById.invalidate(department.id());
    return department;
  }

  public List<Department> departments() {
    List<Department> result = new ArrayList<>();
    departments.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(toDepartment(d)));
    return result;
  }

  public Optional<Department> findDepartment(String id) {
    return departmentById.get(id);
  }

  /** Removes a department that has no sub-departments and no members. */
  public void deleteDepartment(String id) {
    findDepartment(id).orElseThrow(() -> new NotFoundException("id", "There is no department '" + id + "'"));
    if (departments.countDocuments(Filters.eq("parent", id)) > 0) {
      throw new ConflictException("id", "hasChildren", "Department '" + id + "' has sub-departments; move or delete them first");
    }
    if (users.countDocuments(Filters.eq("departments", id)) > 0) {
      throw new ConflictException("id", "hasMembers", "Department '" + id + "' has members; move them first");
    }
    departments.deleteOne(Filters.eq("_id", id));
    departmentById.invalidate(id);
  }

  /** The department's ancestors, nearest first (its parent, the parent's parent, …). */
  public List<String> ancestorsOf(String id) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<Department> current = findDepartment(id);
    while (current.isPresent() && current.get().parent() != null && seen.add(current.get().id())) {
      chain.add(current.get().parent());
      current = findDepartment(current.get().parent());
    }
    return chain;
  }

  /** Every department below any of {@code roots}, at any depth (the roots themselves not included). */
  public Set<String> descendantsOf(Set<String> roots) {
    Set<String> found = new HashSet<>();
    List<String> frontier = new ArrayList<>(roots);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      departments.find(Filters.in("parent", frontier)).projection(new Document("_id", 1))
          .forEach(d -> {
            if (found.add(d.getString("_id"))) {
              next.add(d.getString("_id"));
            }
          });
      frontier = next;
    }
    return found;
  }

  /**
   * The heads of the department {@code levelsUp - 1} steps above {@code departmentId} (level 1 =
   * the department's own heads). Empty when the tree is not that deep or nobody heads it.
   */
  public List<String> headsOf(String departmentId, int levelsUp) {
    if (levelsUp < 1) {
      throw ValidationException.of("level", "min", "The level of a department head starts at 1");
    }
    List<String> path = new ArrayList<>();
    path.add(departmentId);
    path.addAll(ancestorsOf(departmentId));
    return levelsUp > path.size() ? List.of() : findDepartment(path.get(levelsUp - 1)).map(Department::heads).orElse(List.of());
  }

  // ---- roles ----

  public Role saveRole(Role role, boolean create) {
    List<FieldError> errors = DirectoryChecks.role(role);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Document fields = new Document("name", role.name()).append("description", role.description());
    if (create) {
      MongoWrites.insertOrConflict(roles, withId(role.key(), fields), "key", "A role '" + role.key() + "' already exists");
    } else if (roles.updateOne(Filters.eq("_id", role.key()), new Document("$set", fields)).getMatchedCount() == 0) {
      throw new NotFoundException("key", "There is no role '" + role.key() + "'");
    }
    return role;
  }

  public List<Role> roles() {
    List<Role> result = new ArrayList<>();
    roles.find().sort(Sorts.ascending("_id")).forEach(d -> result.add(new Role(d.getString("_id"), d.getString("name"), d.getString("description"))));
    return result;
  }

  /** Removes a role nobody has. */
  public void deleteRole(String key) {
    if (users.countDocuments(Filters.eq("roles", key)) > 0) {
      throw new ConflictException("key", "inUse", "Role '" + key + "' is still given to users; take it from them first");
    }
    if (roles.deleteOne(Filters.eq("_id", key)).getDeletedCount() == 0) {
      throw new NotFoundException("key", "There is no role '" + key + "'");
    }
  }

  /** Users who have {@code role}, enabled ones only. */
  public List<String> usersWithRole(String role) {
    return roleMembers.get(role);
  }

  private List<String> readUsersWithRole(String role) {
    List<String> result = new ArrayList<>();
    users.find(Filters.and(Filters.eq("roles", role), Filters.eq("enabled", true))).sort(Sorts.ascending("_id"))
        .forEach(d -> result.add(d.getString("_id")));
    return List.copyOf(result);
  }

  private void checkReferences(DirectoryUser user, List<FieldError> errors) {
    for (String department : user.departments()) {
      if (findDepartment(department).isEmpty()) {
        errors.add(new FieldError("departments", "unknownDepartment", "There is no department '" + department + "'"));
      }
    }
    for (String role : user.roles()) {
      if (!DirectoryChecks.BUILT_IN_ROLES.contains(role) && roles.countDocuments(Filters.eq("_id", role)) == 0) {
        errors.add(new FieldError("roles", "unknownRole", "There is no role '" + role + "'"));
      }
    }
  }


  private static Document withId(String id, Document fields) {
    Document document = new Document("_id", id);
    document.putAll(fields);
    return document;
  }

  private static DirectoryUser toUser(Document d) {
    return new DirectoryUser(d.getString("_id"), orElse(d.getString("displayName"), d.getString("_id")), d.getString("email"),
        d.getString("phone"), d.getList("departments", String.class, List.of()), d.getList("roles", String.class, List.of()),
        d.getBoolean("enabled", true));
  }

  private static Department toDepartment(Document d) {
    return new Department(d.getString("_id"), d.getString("name"), d.getString("parent"), d.getList("heads", String.class, List.of()));
  }

  private static String orElse(@Nullable String value, String fallback) {
    return value == null ? fallback : value;
  }
}
