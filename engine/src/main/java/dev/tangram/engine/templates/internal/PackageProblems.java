package dev.tangram.engine.templates.internal;

import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every problem found in a package, each naming its file and the path inside it as
 * {@code file#path} in the error's {@code field} (e.g. {@code forms/item.json#fields[2].type}).
 */
public final class PackageProblems {

  private final List<FieldError> problems = new ArrayList<>();

  public void add(String file, String path, String code, String message) {
    problems.add(new FieldError(path.isEmpty() ? file : file + "#" + path, code, message));
  }

  /** Adds a checker's field errors, whose fields are paths inside {@code file}. */
  public void addAll(String file, List<FieldError> errors) {
    errors.forEach(e -> add(file, e.field(), e.code(), e.message()));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<FieldError> list() {
    return List.copyOf(problems);
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ValidationException(list());
    }
  }
}
