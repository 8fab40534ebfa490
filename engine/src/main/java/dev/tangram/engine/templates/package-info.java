/**
 * Templates: versioned app packages (DESIGN §6) — read and checked whole, listed in a catalog,
 * installed in dependency order with a journal, upgraded by a three-way merge that keeps the
 * customer's changes, uninstalled with a dependency check.
 */
@NullMarked
package dev.tangram.engine.templates;

import org.jspecify.annotations.NullMarked;
