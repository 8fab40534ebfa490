/** REST endpoints for records. */
@NullMarked
package dev.tangram.runtime.api.records;

import org.jspecify.annotations.NullMarked;
