/** The planning core: low-level codes, gross-to-net netting, lot sizing and lead-time offsetting. */
@NullMarked
package dev.tangram.plugins.mrp.internal;

import org.jspecify.annotations.NullMarked;
