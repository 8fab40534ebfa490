/** Records of a form: the lazy list with columns, filters and sort; the record page with history; xlsx export and import. */
@NullMarked
package dev.tangram.runtime.ui.records;

import org.jspecify.annotations.NullMarked;
