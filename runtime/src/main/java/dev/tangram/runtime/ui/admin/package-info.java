/**
 * The admin screens: users, departments, roles, API tokens and the audit log (platform admins),
 * an app's permissions, webhooks and inbound triggers (the app's admins). Every screen calls the
 * same engine and runtime services as the REST API, which apply their own checks too.
 */
@NullMarked
package dev.tangram.runtime.ui.admin;

import org.jspecify.annotations.NullMarked;
