package dev.tangram.engine.access;

/** What a grant allows on a form's records. */
public enum Operation {
  SUBMIT, VIEW, EDIT, DELETE, EXPORT, MANAGE
}
