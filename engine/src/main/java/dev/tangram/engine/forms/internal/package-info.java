/** Reading, checking, storing and publishing form definitions. */
@NullMarked
package dev.tangram.engine.forms.internal;

import org.jspecify.annotations.NullMarked;
