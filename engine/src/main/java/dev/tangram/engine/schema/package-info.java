/** Compiling a form to JSON Schema 2020-12 and validating record data against it. */
@NullMarked
package dev.tangram.engine.schema;

import org.jspecify.annotations.NullMarked;
