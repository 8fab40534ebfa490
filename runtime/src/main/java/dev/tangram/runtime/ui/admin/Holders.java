package dev.tangram.runtime.ui.admin;

import com.vaadin.flow.component.Component;
import dev.tangram.engine.access.Department;
import dev.tangram.engine.access.DirectoryUser;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.engine.access.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everyone a permission can be given to ({@code everyone}, {@code user:…}, {@code role:…}, {@code department:…}) with readable labels. */
final class Holders {

  private final Map<String, String> labels = new LinkedHashMap<>();

  Holders(OrgDirectory directory, Component ui) {
    labels.put("everyone", ui.getTranslation("admin.holder.everyone"));
    for (Role role : directory.roles()) {
      labels.put("role:" + role.key(), ui.getTranslation("admin.holder.role", role.name()));
    }
    labels.put("role:ADMIN", ui.getTranslation("admin.holder.role", ui.getTranslation("admin.roles.platformAdmin")));
    for (Department department : directory.departments()) {
      labels.put("department:" + department.id(), ui.getTranslation("admin.holder.department", department.name()));
    }
    for (DirectoryUser user : directory.users()) {
      labels.put("user:" + user.username(), ui.getTranslation("admin.holder.user", user.displayName() + " (" + user.username() + ")"));
    }
  }

  /** Known holders plus {@code extra} ones already stored (e.g. a deleted role), so nothing stored disappears from view. */
  List<String> all(List<String> extra) {
    List<String> result = new ArrayList<>(labels.keySet());
    extra.stream().filter(h -> !labels.containsKey(h)).forEach(result::add);
    return result;
  }

  String label(String holder) {
    return labels.getOrDefault(holder, holder);
  }
}
