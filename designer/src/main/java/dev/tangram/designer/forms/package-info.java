/**
 * The form designer: palette of every field type, canvas with drag and drop (new fields, reorder,
 * into subforms), property panel, formula check as you type, live preview with the end users'
 * renderer, save draft and publish.
 */
@NullMarked
package dev.tangram.designer.forms;

import org.jspecify.annotations.NullMarked;
