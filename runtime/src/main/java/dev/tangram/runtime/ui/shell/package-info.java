/** The shell: app shell settings, login page, app launcher and the layout with the side navigation. */
@NullMarked
package dev.tangram.runtime.ui.shell;

import org.jspecify.annotations.NullMarked;
