/** Filling in forms: the new-record page with drafts, and the engine-backed context of the form renderer. */
@NullMarked
package dev.tangram.runtime.ui.forms;

import org.jspecify.annotations.NullMarked;
