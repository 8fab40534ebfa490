/**
 * The end-user Vaadin UI: shell (login, launcher, navigation), form filling, record lists,
 * dashboards and admin screens. The designers come from the {@code designer} module.
 */
@NullMarked
package dev.tangram.runtime.ui;

import org.jspecify.annotations.NullMarked;
