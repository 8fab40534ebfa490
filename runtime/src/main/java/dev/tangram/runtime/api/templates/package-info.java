/** REST API of the template marketplace: catalog, upload, install, upgrade, parameters, progress, views. */
@NullMarked
package dev.tangram.runtime.api.templates;

import org.jspecify.annotations.NullMarked;
