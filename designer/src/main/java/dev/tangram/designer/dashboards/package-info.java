/**
 * Dashboards: widgets drawn on the server as SVG charts (bar, line, pie, funnel) and number
 * cards, from what the engine's views feature computes. No chart library and no JavaScript.
 */
@NullMarked
package dev.tangram.designer.dashboards;

import org.jspecify.annotations.NullMarked;
