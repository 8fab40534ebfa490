/** The dashboard pages: an app's dashboards for its members and the dashboard editor for its admins. */
@NullMarked
package dev.tangram.runtime.ui.dashboards;

import org.jspecify.annotations.NullMarked;
