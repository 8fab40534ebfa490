package dev.tangram.engine.access;

/** Which records a grant reaches, by who created them. */
public enum RowScope {
  /** Records the user created. */
  OWN,
  /** Records created by members of the user's departments. */
  DEPARTMENT,
  /** Records created in the user's departments or any department below them. */
  DEPARTMENT_AND_BELOW,
  /** Every record of the form. */
  ALL
}
