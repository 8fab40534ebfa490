/** REST endpoints for apps' list views and dashboards. */
@NullMarked
package dev.tangram.runtime.api.views;

import org.jspecify.annotations.NullMarked;
