/** How trigger scripts see records and plugins, and the log that keeps after-rules from running twice. */
@NullMarked
package dev.tangram.engine.triggers.internal;

import org.jspecify.annotations.NullMarked;
