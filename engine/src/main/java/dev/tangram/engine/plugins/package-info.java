/** The plugin SPI: Java extensions with named, typed actions. */
@NullMarked
package dev.tangram.engine.plugins;

import org.jspecify.annotations.NullMarked;
