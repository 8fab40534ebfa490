/**
 * The app designers (form designer, flow designer, template marketplace). The Vaadin views arrive
 * with the UI issue; until then this module only fixes the dependency direction
 * {@code runtime → designer → engine}.
 */
@NullMarked
package dev.tangram.designer;

import org.jspecify.annotations.NullMarked;
