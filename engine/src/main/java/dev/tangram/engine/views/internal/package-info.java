/** How views are read into queries. */
@NullMarked
package dev.tangram.engine.views.internal;

import org.jspecify.annotations.NullMarked;
