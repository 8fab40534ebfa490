/** REST endpoints for the org directory: users, departments, roles, CSV import, the audit log. */
@NullMarked
package dev.tangram.runtime.api.directory;

import org.jspecify.annotations.NullMarked;
