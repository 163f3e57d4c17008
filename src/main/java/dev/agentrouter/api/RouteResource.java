package dev.agentrouter.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.agentrouter.config.RouterConfig;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import dev.agentrouter.routing.Query;
import dev.agentrouter.service.RoutingService;

@Path("/v1/route")
@Tag(name = "Routing")
public class RouteResource {

    private final RoutingService routing;
    private final JsonBodies bodies;
    private final double historyWeight;

    public RouteResource(RoutingService routing, JsonBodies bodies, RouterConfig config) {
        this.routing = routing;
        this.bodies = bodies;
        this.historyWeight = config.routing().historyWeight();
    }

    @POST
    @NonBlocking // lexical routing takes microseconds; only a prompt that needs the embedding model hops to a worker
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pick the agent for a prompt or conversation, and explain the choice",
            description = "Scores the prompt against every agent's name, description, examples and system prompt."
                    + " Below the confidence threshold the answer is outcome 'abstained' (agent null) or"
                    + " 'fallback' (the configured fallback agent).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RouteRequestSchema.class),
            examples = {
                @ExampleObject(name = "prompt", value = "{\"prompt\": \"My PostgreSQL queries are slow\"}"),
                @ExampleObject(name = "messages", value = "{\"messages\": [{\"role\": \"user\","
                        + " \"content\": \"Design a REST API for orders\"}]}")}))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = RouteResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or no prompt to route",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "408", description = "The body stopped arriving for router.api.body-idle-timeout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than router.api.max-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RouteResponse> route(@Context HttpServerRequest request) {
        return bodies.readApiBody(request)
                .map(body -> RouteRequests.toQuery(bodies.object(body, RouteRequests.EXAMPLE), historyWeight))
                .flatMap(this::decide);
    }

    private Uni<RouteResponse> decide(Query query) {
        RoutingService.Result result = routing.routeWithoutInference(query);
        if (result != null) {
            return Uni.createFrom().item(response(result));
        }
        return Uni.createFrom().item(() -> response(routing.route(query)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static RouteResponse response(RoutingService.Result result) {
        return RouteResponse.of(result.decision(), result.catalogVersion());
    }
}
