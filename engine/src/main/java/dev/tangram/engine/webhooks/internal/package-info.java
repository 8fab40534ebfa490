/** Storage, fan-out, delivery worker, outbound HTTP and address checks of the webhooks feature. */
@NullMarked
package dev.tangram.engine.webhooks.internal;

import org.jspecify.annotations.NullMarked;
