/**
 * Webhooks (DESIGN §8): outbound subscriptions to events, delivered signed per Standard Webhooks,
 * at least once, in order per record, with retries, a delivery log and a dead-letter state; and
 * inbound triggers ({@code POST /hooks/{token}}) that create records from signed calls.
 * {@link dev.tangram.engine.webhooks.Webhooks} wires the feature; its services are
 * {@link dev.tangram.engine.webhooks.WebhookService} and {@link dev.tangram.engine.webhooks.TriggerService}.
 */
@NullMarked
package dev.tangram.engine.webhooks;

import org.jspecify.annotations.NullMarked;
