/** Apps: the namespaces that hold forms, flows, rules and views. */
@NullMarked
package dev.tangram.engine.apps;

import org.jspecify.annotations.NullMarked;
