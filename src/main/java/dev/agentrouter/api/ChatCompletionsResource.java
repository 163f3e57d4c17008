package dev.agentrouter.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.routing.Conversation;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.service.AgentRegistry;
import dev.agentrouter.service.RoutingService;
import dev.agentrouter.upstream.ChatRelay;
import dev.agentrouter.upstream.ChatRequestRewriter;
import dev.agentrouter.upstream.DecisionHeaders;
import dev.agentrouter.upstream.ModelMapper;
import dev.agentrouter.upstream.RequestSplicer;
import dev.agentrouter.upstream.Upstreams;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/chat/completions}: OpenAI-compatible chat completions, answered as the chosen agent.
 * {@code "model": "auto"} routes on the conversation; {@code "model": "agent/<name>"} or the {@code X-Agent} header
 * pins an agent. The request is parsed once, only {@code model} and {@code messages} are rewritten, and the relay
 * writes the upstream's answer straight to the Vert.x response (a route on the event loop rather than a JAX-RS
 * resource: nothing here blocks, and relaying a stream needs the response itself). Documented in
 * {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class ChatCompletionsResource {

    private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class);
    /**
     * One INFO line per chat decision, like an access log; its own category so that operators can turn it off
     * ({@code quarkus.log.category."dev.agentrouter.decisions".level=WARN}) without losing the router's other logs.
     */
    private static final Logger DECISIONS = Logger.getLogger("dev.agentrouter.decisions");
    static final String PATH = "/v1/chat/completions";
    static final String EXAMPLE = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"...\"}]}";

    private final Vertx vertx;
    private final AgentRegistry registry;
    private final RoutingService routing;
    private final Upstreams upstreams;
    private final ChatRelay relay;
    private final JsonBodies bodies;
    private final ObjectMapper mapper;
    private final ModelMapper models;
    private final RouterConfig.Proxy proxy;
    private final double historyWeight;
    private final JsonBodies.Limit bodyLimit;
    private final java.util.Map<String, byte[]> systemMessages = new java.util.concurrent.ConcurrentHashMap<>();

    public ChatCompletionsResource(Vertx vertx, AgentRegistry registry, RoutingService routing, Upstreams upstreams,
                                   ChatRelay relay, JsonBodies bodies, ObjectMapper mapper, RouterConfig config) {
        this.vertx = vertx;
        this.registry = registry;
        this.routing = routing;
        this.upstreams = upstreams;
        this.relay = relay;
        this.bodies = bodies;
        this.mapper = mapper;
        this.proxy = config.proxy();
        this.models = new ModelMapper(proxy.models(), proxy.defaultModel());
        this.historyWeight = config.routing().historyWeight();
        this.bodyLimit = bodies.chatLimit();
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::accept);
    }

    /** The chat route: refuses early what needs no body to refuse, then reads the body and answers. */
    void accept(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        long declaredLength;
        try {
            declaredLength = precheck(request);
        } catch (ApiProblem p) {
            refuseUnread(request, response, p);
            return;
        }
        bodies.read(request, bodyLimit, declaredLength, body -> handle(body, request, response),
                p -> problem(response, p));
    }

    /** The agent to act as (null: forward unrouted) and how it was chosen. */
    private record Choice(AgentDefinition agent, double confidence, String how) {}

    /** Answers a request whose body will not be used (see {@link UnreadBodies}). */
    private void refuseUnread(HttpServerRequest request, HttpServerResponse response, ApiProblem p) {
        UnreadBodies.drop(request);
        problem(response, p);
    }

    private void handle(byte[] body, HttpServerRequest request, HttpServerResponse response) {
        try {
            complete(body, request, response);
        } catch (RuntimeException e) {
            fail(response, e);
        }
    }

    /** A problem the request caused answers as itself; anything else is a bug, logged under an id the client gets. */
    private void fail(HttpServerResponse response, RuntimeException e) {
        if (e instanceof ApiProblem p) {
            problem(response, p);
            return;
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, PATH);
        problem(response, new ApiProblem(500, "internal-error", "Internal error",
                "the router failed unexpectedly; quote error id " + id + " when reporting it"));
    }

    /** Refuses what needs no body to refuse; returns the declared Content-Length (-1: none, the body is chunked). */
    private long precheck(HttpServerRequest request) {
        if (!upstreams.configured()) {
            throw new ApiProblem(503, "no-upstream", "No upstream configured",
                    "set ROUTER_UPSTREAM_BASE_URL (router.upstream.base-url), e.g. https://host/v1, and"
                            + " ROUTER_UPSTREAM_API_KEY; routing alone is available at POST /v1/route");
        }
        String type = request.getHeader(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the request body as JSON with 'Content-Type: application/json'");
        }
        long declared = JsonBodies.declaredLength(request);
        if (declared > bodyLimit.bytes()) {
            throw bodyLimit.exceeded(declared);
        }
        return declared;
    }

    private void complete(byte[] raw, HttpServerRequest httpRequest, HttpServerResponse response) {
        RequestSplicer.Parsed parsed = bodies.chatRequest(raw, EXAMPLE);
        ObjectNode request = (ObjectNode) parsed.tree();
        Body body = new Body(raw, request, parsed.positions());
        JsonNode messages = request.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    "'messages' must be a non-empty array, as in " + EXAMPLE);
        }
        CatalogSnapshot catalog = registry.current().catalog();
        Choice pinned = pinnedChoice(request, httpRequest.getHeader("X-Agent"), catalog);
        if (pinned != null) {
            forward(body, httpRequest, response, pinned);
            return;
        }
        Query query = Conversation.toQuery(RouteRequests.turns(messages), historyWeight);
        RoutingService.Result decided = routing.routeWithoutInference(query);
        if (decided != null) {
            forward(body, httpRequest, response, routedChoice(decided.decision(), catalog));
            return;
        }
        // The prompt needs the embedding model: route on a worker thread, then continue on this event loop.
        vertx.executeBlocking(() -> routing.route(query).decision(), false).onComplete(routed -> {
            try {
                if (routed.failed()) {
                    throw routed.cause() instanceof RuntimeException r ? r : new IllegalStateException(routed.cause());
                }
                forward(body, httpRequest, response, routedChoice(routed.result(), catalog));
            } catch (RuntimeException e) {
                fail(response, e);
            }
        });
    }

    /** The client's bytes, the tree of the fields the router reads, and where to splice them (null: rewrite). */
    private record Body(byte[] raw, ObjectNode tree, RequestSplicer.Positions positions) {}

    private void forward(Body body, HttpServerRequest httpRequest, HttpServerResponse response, Choice choice) {
        ObjectNode request = body.tree();
        boolean stream = request.path("stream").asBoolean(false);
        String upstreamModel = choice.agent() == null && !isAuto(request)
                ? request.path("model").asText()
                : models.upstreamModel(choice.agent()).orElseThrow(() -> new ApiProblem(503, "model-unmapped",
                        "No model to use", (choice.agent() == null ? "no agent was chosen"
                        : "agent '" + choice.agent().name() + "' has model '" + choice.agent().model() + "'")
                        + " and router.proxy.default-model is unset; set it (or map the agent's model with"
                        + " router.proxy.models.<alias>)"));
        String decisionId = decisionId();
        String agentName = choice.agent() == null ? "none" : choice.agent().name();
        String confidence = confidence(choice.confidence());
        if (DECISIONS.isInfoEnabled()) {
            // Concatenated, not infof: String.format was a quarter of this line's cost on the event loop.
            DECISIONS.info("chat decision=" + decisionId + " agent=" + agentName + " how=" + choice.how()
                    + " confidence=" + confidence + " model=" + upstreamModel + " stream=" + stream);
        }
        String forwardedAuth = proxy.forwardAuthorization() ? httpRequest.getHeader(HttpHeaderNames.AUTHORIZATION)
                : null;
        relay.relay(new ChatRelay.Call(agentName, upstreamModel, rewrite(body, choice.agent(), upstreamModel), stream,
                forwardedAuth, new DecisionHeaders(agentName, confidence, decisionId)), response);
    }

    /**
     * The request as sent upstream: the client's bytes with only the model and the agent's system message spliced in;
     * the parsed tree rewritten and serialised when system messages are replaced or the body has an unusual shape.
     */
    private Buffer rewrite(Body body, AgentDefinition agent, String upstreamModel) {
        boolean prepend = proxy.systemPrompt() == RouterConfig.Proxy.SystemPromptMode.PREPEND;
        if ((prepend || agent == null) && body.positions() != null) {
            return RequestSplicer.splice(body.raw(), body.positions(), upstreamModel, systemMessage(agent));
        }
        try {
            // The parse kept only the fields the router reads: the rewrite needs all of them.
            ObjectNode whole = (ObjectNode) mapper.readTree(body.raw());
            return Buffer.buffer(mapper.writeValueAsBytes(
                    ChatRequestRewriter.rewrite(whole, agent, upstreamModel, prepend)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parsed request could not be parsed again or written back", e);
        }
    }

    /**
     * The agent's system message, encoded once per system prompt (the key: the agent's own string, whose hash is
     * cached and which equals itself at once); null when there is nothing to add.
     */
    private byte[] systemMessage(AgentDefinition agent) {
        if (agent == null || agent.systemPrompt() == null || agent.systemPrompt().isBlank()) {
            return null;
        }
        if (systemMessages.size() > 4096) {
            systemMessages.clear(); // prompts of old catalog versions; bounded whatever the reload count
        }
        return systemMessages.computeIfAbsent(agent.systemPrompt(), prompt -> {
            try {
                return mapper.writeValueAsBytes(mapper.createObjectNode().put("role", "system")
                        .put("content", prompt));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The agent the request names (header or model), null when it asks for routing ("auto"). */
    private Choice pinnedChoice(ObjectNode request, String pinned, CatalogSnapshot catalog) {
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
        return null;
    }

    private Choice routedChoice(RouteDecision decision, CatalogSnapshot catalog) {
        AgentDefinition agent = decision.agent() == null ? null : catalog.agent(decision.agent()).orElse(null);
        if (agent == null && proxy.onAbstain() == RouterConfig.Proxy.OnAbstain.REJECT) {
            throw new ApiProblem(422, "no-agent", "No agent for this conversation",
                    String.format(Locale.ROOT, "no agent is confident enough to answer (best confidence %.3f);"
                            + " pin one with \"model\": \"agent/<name>\" or the X-Agent header (GET /v1/models lists"
                            + " them), or set router.proxy.on-abstain=forward", decision.confidence()));
        }
        return new Choice(agent, decision.confidence(), decision.outcome().key());
    }

    /** The confidence with four decimals, without String.format's cost on every request. */
    static String confidence(double c) {
        long tenThousandths = Math.round(Math.max(0, Math.min(1, c)) * 10_000);
        String digits = Long.toString(10_000 + tenThousandths % 10_000);
        return (tenThousandths / 10_000) + "." + digits.substring(1);
    }

    private static boolean isAuto(ObjectNode request) {
        return ModelsResource.AUTO.equals(request.path("model").asText());
    }

    /** A random version-4 UUID; ThreadLocalRandom, because SecureRandom is needless cost for a correlation id. */
    private static String decisionId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private void problem(HttpServerResponse response, ApiProblem p) {
        RouteProblems.send(response, mapper, p, PATH);
    }
}
