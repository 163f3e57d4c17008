package dev.agentrouter.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI description of the {@code /v1/route} body; the body itself is read as JSON by {@link RouteRequests}. */
@Schema(name = "RouteRequest", description = "Either 'prompt' or 'messages'.")
public record RouteRequestSchema(
        @Schema(description = "The text to route.") String prompt,
        @Schema(description = "OpenAI-style chat messages; the latest user message weighs most.")
        List<Map<String, Object>> messages) {}
