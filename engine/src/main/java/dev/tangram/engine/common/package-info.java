/** What every feature shares: the exception family with machine meaning, JSON, clocks. */
@NullMarked
package dev.tangram.engine.common;

import org.jspecify.annotations.NullMarked;
