package dev.tangram.runtime.api.directory;

import dev.tangram.engine.access.AuditLog;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import dev.tangram.engine.common.JsonBinding;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.runtime.security.UserAccounts;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/users}, {@code /departments}, {@code /roles} and {@code /audit}. Reading is open
 * to every signed-in user (pickers need it); changing is for admins, and every change is audited.
 */
@RestController
@RequestMapping("/api/v1")
class DirectoryController {

  /** A user as written through the API: the directory entry plus an optional initial password. */
  record UserInput(String username, String displayName, @Nullable String email, @Nullable String phone,
      @Nullable List<String> departments, @Nullable List<String> roles, @Nullable Boolean enabled, @Nullable String password) {

    DirectoryUser toUser() {
      return new DirectoryUser(username, displayName, email, phone, departments == null ? List.of() : departments,
          roles == null ? List.of() : roles, enabled == null || enabled);
    }
  }

  record DepartmentInput(String id, String name, @Nullable String parent, @Nullable List<String> heads) {
    Department toDepartment() {
      return new Department(id, name, parent, heads == null ? List.of() : heads);
    }
  }

  private final OrgDirectory directory;
  private final UserAccounts accounts;
  private final AuditLog audit;

  DirectoryController(OrgDirectory directory, UserAccounts accounts, AuditLog audit) {
    this.directory = directory;
    this.accounts = accounts;
    this.audit = audit;
  }

  @GetMapping("/users")
  List<DirectoryUser> users() {
    return directory.users();
  }

  @PostMapping("/users")
  @ResponseStatus(HttpStatus.CREATED)
  DirectoryUser createUser(@RequestBody JsonNode body, Principal admin) {
    UserInput input = JsonBinding.bind(body, UserInput.class);
    PasswordPolicy.check(input.password());
    DirectoryUser user = directory.saveUser(input.toUser(), true);
    if (input.password() != null) {
      accounts.setPassword(user.username(), input.password());
    }
    audit.record(admin.getName(), "user.created", "user:" + user.username(), "roles=" + user.roles() + " departments=" + user.departments());
    return user;
  }

  @PutMapping("/users/{username}")
  DirectoryUser updateUser(@PathVariable String username, @RequestBody JsonNode body, Principal admin) {
    UserInput input = JsonBinding.bind(body, UserInput.class);
    if (input.username() != null && !input.username().equals(username)) {
      throw ValidationException.of("username", "mismatch", "The body names user '" + input.username() + "', the URL '" + username + "'");
    }
    PasswordPolicy.check(input.password());
    UserInput named = new UserInput(username, input.displayName(), input.email(), input.phone(), input.departments(),
        input.roles(), input.enabled(), input.password());
    DirectoryUser user = directory.saveUser(named.toUser(), false);
    if (input.password() != null) {
      accounts.setPassword(username, input.password());
    }
    audit.record(admin.getName(), "user.updated", "user:" + username, "roles=" + user.roles() + " departments="
        + user.departments() + " enabled=" + user.enabled() + (input.password() != null ? " password changed" : ""));
    return user;
  }

  /** Creates users from a CSV file (see {@link UserImport}); all rows or none. */
  @PostMapping(value = "/users/import", consumes = {"text/csv", "text/plain"})
  @ResponseStatus(HttpStatus.CREATED)
  java.util.Map<String, Integer> importUsers(@RequestBody String csv, Principal admin) {
    return imported(UserImport.run(CsvReader.read(csv), directory, accounts), admin);
  }

  /** The same from the first sheet of an Excel workbook. */
  @PostMapping(value = "/users/import", consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  @ResponseStatus(HttpStatus.CREATED)
  java.util.Map<String, Integer> importUsersFromExcel(@RequestBody byte[] xlsx, Principal admin) {
    return imported(UserImport.run(XlsxReader.read(xlsx), directory, accounts), admin);
  }

  private java.util.Map<String, Integer> imported(List<DirectoryUser> imported, Principal admin) {
    audit.record(admin.getName(), "user.imported", "users", imported.size() + " users: "
        + String.join(", ", imported.stream().map(DirectoryUser::username).limit(50).toList()));
    return java.util.Map.of("imported", imported.size());
  }

  @GetMapping("/departments")
  List<Department> departments() {
    return directory.departments();
  }

  @PostMapping("/departments")
  @ResponseStatus(HttpStatus.CREATED)
  Department createDepartment(@RequestBody JsonNode body, Principal admin) {
    Department department = directory.saveDepartment(JsonBinding.bind(body, DepartmentInput.class).toDepartment(), true);
    audit.record(admin.getName(), "department.created", "department:" + department.id(), "parent=" + department.parent() + " heads=" + department.heads());
    return department;
  }

  @PutMapping("/departments/{id}")
  Department updateDepartment(@PathVariable String id, @RequestBody JsonNode body, Principal admin) {
    DepartmentInput input = JsonBinding.bind(body, DepartmentInput.class);
    Department department = directory.saveDepartment(new DepartmentInput(id, input.name(), input.parent(), input.heads()).toDepartment(), false);
    audit.record(admin.getName(), "department.updated", "department:" + id, "parent=" + department.parent() + " heads=" + department.heads());
    return department;
  }

  @DeleteMapping("/departments/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteDepartment(@PathVariable String id, Principal admin) {
    directory.deleteDepartment(id);
    audit.record(admin.getName(), "department.deleted", "department:" + id, "");
  }

  @GetMapping("/roles")
  List<Role> roles() {
    return directory.roles();
  }

  @PostMapping("/roles")
  @ResponseStatus(HttpStatus.CREATED)
  Role createRole(@RequestBody JsonNode body, Principal admin) {
    Role role = directory.saveRole(JsonBinding.bind(body, Role.class), true);
    audit.record(admin.getName(), "role.created", "role:" + role.key(), role.name());
    return role;
  }

  @DeleteMapping("/roles/{key}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteRole(@PathVariable String key, Principal admin) {
    directory.deleteRole(key);
    audit.record(admin.getName(), "role.deleted", "role:" + key, "");
  }

  @GetMapping("/audit")
  List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
    return audit.latest(limit);
  }
}
