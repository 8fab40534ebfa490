/** The inbound trigger endpoint {@code POST /hooks/{token}}, outside the API's bearer-token chain. */
@NullMarked
package dev.tangram.runtime.hooks;

import org.jspecify.annotations.NullMarked;
