package dev.tangram.engine.access;

/** What a grant lets its holder do with one field (DESIGN §5 uses the same three words). */
public enum FieldAccess {
  EDIT, READ, HIDDEN
}
