package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.Keys;
import dev.tangram.engine.forms.FieldDefinition;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code relation}: the id of a record of another form of the same app. That the target form
 * exists is checked when the form is saved, that the record exists when a record is written.
 */
final class RelationFieldType extends AbstractFieldType {

  static final String ID_PATTERN = "^[0-9a-f]{24}$";

  RelationFieldType() {
    super("relation", Set.of("target"));
  }

  @Override
  public void check(FieldDefinition field, String path, DefinitionProblems problems) {
    FieldDefinition.RelationTarget target = field.target();
    if (target == null) {
      problems.add(path + ".target", "required", "Relation '" + field.key() + "' needs a target form");
    } else if (!Keys.isValid(target.form())) {
      problems.add(path + ".target.form", "pattern", "'" + target.form() + "' is not a valid form key");
    }
  }

  @Override
  public ObjectNode schema(FieldDefinition field) {
    return typed("string").put("pattern", ID_PATTERN);
  }
}
