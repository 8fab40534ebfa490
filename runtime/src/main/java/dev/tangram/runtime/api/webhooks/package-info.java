/** REST API of webhooks: subscriptions, their delivery logs and redelivery, and an app's inbound triggers. */
@NullMarked
package dev.tangram.runtime.api.webhooks;

import org.jspecify.annotations.NullMarked;
