/** Files uploaded into attachment and image fields: stored under the data directory, served to logged-in users. */
@NullMarked
package dev.tangram.runtime.ui.files;

import org.jspecify.annotations.NullMarked;
