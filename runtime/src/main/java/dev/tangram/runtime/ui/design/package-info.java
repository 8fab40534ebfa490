/** Hosts the designer module's form designer for app admins. */
@NullMarked
package dev.tangram.runtime.ui.design;

import org.jspecify.annotations.NullMarked;
