package dev.tangram.engine.forms.fields;

import dev.tangram.engine.common.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a form definition so they can be reported together. */
public final class DefinitionProblems {

  private final List<FieldError> problems = new ArrayList<>();

  public void add(String path, String code, String message) {
    problems.add(new FieldError(path, code, message));
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<FieldError> list() {
    return List.copyOf(problems);
  }
}
