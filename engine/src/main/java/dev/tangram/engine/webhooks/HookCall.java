package dev.tangram.engine.webhooks;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An inbound call to {@code /hooks/{token}} as received.
 *
 * @param header a request header by (case-insensitive) name, or null
 * @param body   the raw body, exactly as signed
 */
public record HookCall(String token, Function<String, @Nullable String> header, String body) {}
