/** The {@code run} and {@code confirm} actions: MRP on the inventory app's records. */
@NullMarked
package dev.tangram.plugins.mrp.internal.run;

import org.jspecify.annotations.NullMarked;
