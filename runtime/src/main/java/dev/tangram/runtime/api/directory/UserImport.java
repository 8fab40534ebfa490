package dev.tangram.runtime.api.directory;

import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.runtime.security.UserAccounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports users from rows (CSV or the first sheet of an .xlsx) with the header
 * {@code username,displayName,email,phone,departments,roles,password} (departments and roles
 * separated by {@code ;}). All or nothing: every row is checked first, and any problem refuses the
 * whole file with the problems listed per row ({@code row 3.email}).
 */
public final class UserImport {

  public static final List<String> HEADER = List.of("username", "displayName", "email", "phone", "departments", "roles", "password");
  static final int MAX_ROWS = 10_000;

  private UserImport() {}

  public static List<DirectoryUser> run(List<List<String>> rows, OrgDirectory directory, UserAccounts accounts) {
    if (!rows.isEmpty() && rows.getFirst().size() > HEADER.size()) {
      rows = rows.stream().map(r -> r.size() > HEADER.size() && r.subList(HEADER.size(), r.size()).stream().allMatch(String::isEmpty)
          ? r.subList(0, HEADER.size()) : r).toList();
    }
    if (rows.isEmpty() || !rows.getFirst().equals(HEADER)) {
      throw ValidationException.of("row 1", "header", "The first line must be: " + String.join(",", HEADER));
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw ValidationException.of("body", "maxItems", "At most " + MAX_ROWS + " users per file");
    }
    List<FieldError> errors = new ArrayList<>();
    List<DirectoryUser> users = new ArrayList<>();
    List<String> passwords = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < rows.size(); i++) {
      String at = "row " + (i + 1);
      List<String> cells = rows.get(i);
      if (cells.size() != HEADER.size()) {
        errors.add(new FieldError(at, "columns", at + " has " + cells.size() + " columns, not " + HEADER.size()));
        continue;
      }
      DirectoryUser user = new DirectoryUser(cells.get(0), cells.get(1), blankToNull(cells.get(2)), blankToNull(cells.get(3)),
          list(cells.get(4)), list(cells.get(5)), true);
      directory.problemsOf(user).forEach(e -> errors.add(new FieldError(at + "." + e.field(), e.code(), at + ": " + e.message())));
      if (!seen.add(user.username()) || directory.findUser(user.username()).isPresent()) {
        errors.add(new FieldError(at + ".username", "duplicate", at + ": user '" + user.username() + "' exists already"));
      }
      String password = cells.get(6);
      if (!password.isEmpty() && !PasswordPolicy.acceptable(password)) {
        errors.add(new FieldError(at + ".password", "length", at + ": " + PasswordPolicy.RULE));
      }
      users.add(user);
      passwords.add(password);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    for (int i = 0; i < users.size(); i++) {
      directory.saveUser(users.get(i), true);
      if (!passwords.get(i).isEmpty()) {
        accounts.setPassword(users.get(i).username(), passwords.get(i));
      }
    }
    return users;
  }

  private static List<String> list(String cell) {
    return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String blankToNull(String cell) {
    return cell.isBlank() ? null : cell.trim();
  }
}
