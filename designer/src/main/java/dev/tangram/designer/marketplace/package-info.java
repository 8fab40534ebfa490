/**
 * The template marketplace: the catalog (built-in and added packages), adding a package, install
 * with parameters and progress, and for installed apps upgrade (dry run with conflicts to decide),
 * parameter changes and uninstall (dry run, keep or purge data).
 */
@NullMarked
package dev.tangram.designer.marketplace;

import org.jspecify.annotations.NullMarked;
