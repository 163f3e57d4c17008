package dev.agentrouter.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.routing.Conversation;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.service.AgentRegistry;
import dev.agentrouter.service.RoutingService;
import dev.agentrouter.upstream.ChatRelay;
import dev.agentrouter.upstream.ChatRequestRewriter;
import dev.agentrouter.upstream.ModelMapper;
import dev.agentrouter.upstream.Relay;
import dev.agentrouter.upstream.UpstreamClient;

/**
 * OpenAI-compatible chat completions, answered as the chosen agent: {@code "model": "auto"} routes on the
 * conversation, {@code "model": "agent/<name>"} or the {@code X-Agent} header pins an agent.
 */
@Path("/v1/chat/completions")
@Tag(name = "OpenAI-compatible")
public class ChatCompletionsResource {

    private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class);
    static final String EXAMPLE = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}";

    private final AgentRegistry registry;
    private final RoutingService routing;
    private final UpstreamClient upstream;
    private final ChatRelay relay;
    private final JsonBodies bodies;
    private final ModelMapper models;
    private final RouterConfig.Proxy proxy;
    private final double historyWeight;

    public ChatCompletionsResource(AgentRegistry registry, RoutingService routing, UpstreamClient upstream,
                                   ChatRelay relay, JsonBodies bodies, RouterConfig config) {
        this.registry = registry;
        this.routing = routing;
        this.upstream = upstream;
        this.relay = relay;
        this.bodies = bodies;
        this.proxy = config.proxy();
        this.models = new ModelMapper(proxy.models(), proxy.defaultModel());
        this.historyWeight = config.routing().historyWeight();
    }

    /** The agent to act as (null: forward unrouted) and how it was chosen. */
    private record Choice(AgentDefinition agent, double confidence, String how) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenAI chat completion (streaming with \"stream\": true), answered by the chosen agent")
    public RestMulti<byte[]> complete(byte[] body, @HeaderParam("X-Agent") String pinned,
                                      @HeaderParam("Authorization") String authorization) {
        if (!upstream.configured()) {
            throw new ApiProblem(503, "no-upstream", "No upstream configured",
                    "set ROUTER_UPSTREAM_BASE_URL (router.upstream.base-url), e.g. https://host/v1, and"
                            + " ROUTER_UPSTREAM_API_KEY; routing alone is available at POST /v1/route");
        }
        ObjectNode request = (ObjectNode) bodies.object(body, EXAMPLE);
        List<Conversation.Turn> turns = RouteRequests.turns(request.path("messages").isMissingNode()
                ? request.arrayNode() : request.get("messages"));
        boolean stream = request.path("stream").asBoolean(false);
        Choice choice = choose(request, turns, pinned);
        String upstreamModel = choice.agent() == null && !isAuto(request)
                ? request.path("model").asText()
                : models.upstreamModel(choice.agent()).orElseThrow(() -> new ApiProblem(503, "model-unmapped",
                        "No model to use", (choice.agent() == null ? "no agent was chosen"
                        : "agent '" + choice.agent().name() + "' has model '" + choice.agent().model() + "'")
                        + " and router.proxy.default-model is unset; set it (or map the agent's model with"
                        + " router.proxy.models.<alias>)"));
        ObjectNode rewritten = ChatRequestRewriter.rewrite(request, choice.agent(), upstreamModel,
                proxy.systemPrompt() == RouterConfig.Proxy.SystemPromptMode.PREPEND);
        String decisionId = UUID.randomUUID().toString();
        LOG.infof("chat decision=%s agent=%s how=%s confidence=%.3f model=%s stream=%s", decisionId,
                choice.agent() == null ? "none" : choice.agent().name(), choice.how(), choice.confidence(),
                upstreamModel, stream);
        Map<String, List<String>> headers = Map.of(
                "X-Agent-Router-Agent", List.of(choice.agent() == null ? "none" : choice.agent().name()),
                "X-Agent-Router-Confidence", List.of(String.format(Locale.ROOT, "%.4f", choice.confidence())),
                "X-Agent-Router-Decision-Id", List.of(decisionId));
        String forwardedAuth = proxy.forwardAuthorization() ? authorization : null;
        String agentTag = choice.agent() == null ? "none" : choice.agent().name();
        return RestMulti.fromUniResponse(relay.send(agentTag, rewritten, stream, forwardedAuth, headers), Relay::body,
                Relay::headers, Relay::status);
    }

    private Choice choose(ObjectNode request, List<Conversation.Turn> turns, String pinned) {
        CatalogSnapshot catalog = registry.current().catalog();
        if (pinned != null && !pinned.isBlank()) {
            return new Choice(catalog.agent(pinned.strip()).orElseThrow(() -> ApiProblem.unknownAgent(pinned.strip())),
                    1.0, "header");
        }
        JsonNode modelNode = request.get("model");
        if (modelNode == null || !modelNode.isTextual() || modelNode.asText().isBlank()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    "'model' is required: use \"auto\" to route, or \"agent/<name>\" (GET /v1/models lists them)");
        }
        String model = modelNode.asText();
        if (model.startsWith(ModelsResource.AGENT_PREFIX)) {
            String name = model.substring(ModelsResource.AGENT_PREFIX.length());
            return new Choice(catalog.agent(name).orElseThrow(() -> ApiProblem.unknownAgent(name)), 1.0, "model");
        }
        if (!ModelsResource.AUTO.equals(model)) {
            if (proxy.unknownModel() == RouterConfig.Proxy.UnknownModel.FORWARD) {
                return new Choice(null, 0, "unrouted");
            }
            throw ApiProblem.badRequest("unknown-model", "Unknown model", "model '" + model + "' is not served"
                    + " here: use \"auto\" or \"agent/<name>\" (GET /v1/models), or set"
                    + " router.proxy.unknown-model=forward to pass other models through unrouted");
        }
        RouteDecision decision = routing.route(Conversation.toQuery(turns, historyWeight)).decision();
        AgentDefinition agent = decision.agent() == null ? null : catalog.agent(decision.agent()).orElse(null);
        return new Choice(agent, decision.confidence(), decision.outcome().key());
    }

    private static boolean isAuto(ObjectNode request) {
        return ModelsResource.AUTO.equals(request.path("model").asText());
    }
}
