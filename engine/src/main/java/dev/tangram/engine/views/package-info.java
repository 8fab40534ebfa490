/**
 * Views: an app's saved list views and dashboards (DESIGN §3), stored per app, checked against the
 * app's forms with field-level errors, edited by app admins and read by members. A dashboard's
 * widgets are counted and added up by the record service, within each viewer's rows and fields.
 * Templates install their {@code views/*.json} through {@link dev.tangram.engine.views.ViewStore}.
 */
@NullMarked
package dev.tangram.engine.views;

import org.jspecify.annotations.NullMarked;
