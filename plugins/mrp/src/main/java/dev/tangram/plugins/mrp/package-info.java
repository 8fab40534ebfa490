/**
 * Material requirements planning plugin: the input and output records of the {@code plan} action,
 * its refusals, and the {@link dev.tangram.plugins.mrp.MrpPlugin} registered with the engine.
 * The planning core lives in {@code internal}.
 */
@NullMarked
package dev.tangram.plugins.mrp;

import org.jspecify.annotations.NullMarked;
