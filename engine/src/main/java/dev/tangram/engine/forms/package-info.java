/**
 * Form definitions: the model of DESIGN §4, drafts, publishing immutable numbered versions, and
 * the check that lists every problem of a definition at once.
 */
@NullMarked
package dev.tangram.engine.forms;

import org.jspecify.annotations.NullMarked;
