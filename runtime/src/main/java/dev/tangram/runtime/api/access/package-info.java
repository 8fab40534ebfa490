/** REST endpoints for who may do what in an app: app admins and members, form grants. */
@NullMarked
package dev.tangram.runtime.api.access;

import org.jspecify.annotations.NullMarked;
