package dev.tangram.engine.webhooks;

import tools.jackson.databind.JsonNode;

/**
 * The answer to an inbound call.
 *
 * @param replayed true when an {@code Idempotency-Key} returned the first call's result
 */
public record HookResult(int status, JsonNode body, boolean replayed) {}
