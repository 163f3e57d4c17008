package dev.agentrouter.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code router.*} setting (environment: {@code ROUTER_...}). */
@ConfigMapping(prefix = "router")
public interface RouterConfig {

    Catalog catalog();

    Routing routing();

    Api api();

    Upstream upstream();

    /**
     * Further named upstreams, {@code router.upstreams.<name>.*} (environment {@code ROUTER_UPSTREAMS_<NAME>_...}):
     * each has its own base URL, key, timeouts and pool, serves the models it lists, and is tried in priority order
     * together with {@code router.upstream} (named {@code default}) for failover.
     */
    Map<String, NamedUpstream> upstreams();

    Proxy proxy();

    Semantic semantic();

    /**
     * Semantic evidence: prompts and agents embedded by a model, fused with the lexical scores. The in-process model
     * runs on the CPU inside the service (JVM builds only); {@code remote} calls an OpenAI-compatible
     * {@code /v1/embeddings} endpoint; {@code none} routes lexically.
     */
    interface Semantic {
        /** {@code local} (in-process model), {@code remote} (embeddings endpoint) or {@code none}. */
        @WithDefault("local")
        Provider provider();

        /** In-process model: {@code bge-small-en-v1.5-q} or {@code all-minilm-l6-v2-q}. */
        @WithDefault("bge-small-en-v1.5-q")
        String model();

        /**
         * Text put in front of every prompt, and every example prompt, before embedding it. Unset: none. bge's search
         * instruction ({@code Represent this sentence for searching relevant passages: }) was measured: no held-out
         * accuracy gain, 15 % more inference time; models that need a prefix (e5: {@code query: }) set it here.
         */
        Optional<String> queryPrefix();

        /** Prompt vectors kept for repeated prompts (least recently used are dropped); 0 turns the cache off. */
        @WithDefault("1024")
        int queryCacheSize();

        /** How long to wait before embedding the catalog again after the model failed on it. */
        @WithDefault("30s")
        Duration retryInterval();

        /**
         * When true, readiness also waits until the catalog has been embedded once, so Kubernetes sends traffic only
         * to pods that route with semantic evidence (a model that keeps failing then keeps the pod unready). A later
         * reload does not make the pod unready again. False: ready as soon as the catalog is routable.
         */
        @WithDefault("false")
        boolean gateReadiness();

        Local local();

        Remote remote();

        SemanticFusion fusion();

        HybridConfidence confidence();

        enum Provider { LOCAL, REMOTE, NONE }
    }

    /** How the in-process model runs (ONNX Runtime on the CPU). */
    interface Local {
        /**
         * Threads one inference may use. 1: prompts of concurrent requests are embedded on concurrent worker threads,
         * which uses the cores better than splitting each inference (ONNX Runtime's own default, the host's physical
         * cores, also ignores the container's CPU limit). More can shorten a lone inference on an idle machine.
         */
        @WithDefault("1")
        int threads();

        /**
         * Whether idle inference threads busy-wait for work. Off by default: spinning shortens a lone inference a
         * little but burns CPU between requests, against the pod's quota and in the utilisation the HPA scales on.
         */
        @WithDefault("false")
        boolean spinning();
    }

    /** An OpenAI-compatible embeddings endpoint, e.g. TEI or vLLM serving a model on GPUs. */
    interface Remote {
        /** Base URL including the version path, e.g. {@code http://tei:8080/v1}; {@code /embeddings} is appended. */
        Optional<String> baseUrl();

        /** Sent as {@code Authorization: Bearer ...}; never logged. */
        Optional<String> apiKey();

        /** The {@code model} field of the embeddings request. */
        Optional<String> model();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for a prompt's vector; past it the prompt is routed lexically and the decision says so. */
        @WithDefault("2s")
        Duration timeout();

        /** Longest wait for one agent's vectors while the catalog is embedded. */
        @WithDefault("60s")
        Duration catalogTimeout();
    }

    /** Weights of the fused ranking score (z-scores over the catalog's agents); fitted by the harness' HybridFit. */
    interface SemanticFusion {
        @WithDefault("1.0")
        double lexical();

        @WithDefault("2.0")
        double description();

        @WithDefault("2.0")
        double body();

        @WithDefault("4.0")
        double sections();

        @WithDefault("0.25")
        double examples();

        @WithDefault("0.5")
        double exampleCentroid();

        /** The catalog's classifier trained on the agents' own vectors ({@code AgentClassifier}), without examples. */
        @WithDefault("0.25")
        double classifier();

        /** Added to {@link #classifier()} per example per agent (mean over the catalog, counted up to 10). */
        @WithDefault("0.5")
        double classifierPerExample();
    }

    /**
     * Logistic confidence model used when semantic evidence takes part, over the lexical confidence's log-odds, the
     * chosen agent's cosine similarity, its fused lead and lexical agreement; fitted by the harness' HybridFit.
     */
    interface HybridConfidence {
        @WithDefault("-11.668")
        double bias();

        @WithDefault("0.334")
        double lexicalWeight();

        @WithDefault("15.217")
        double similarityWeight();

        @WithDefault("0.108")
        double fusedMarginWeight();

        @WithDefault("1.001")
        double agreementWeight();
    }

    /** The OpenAI-compatible model endpoint that {@code /v1/chat/completions} forwards to. */
    interface Upstream {
        /** Base URL including the API version path, e.g. {@code https://host/v1}. Unset: chat completions answer 503. */
        Optional<String> baseUrl();

        /** API key, sent as {@code Authorization: Bearer ...}; from a Secret via ROUTER_UPSTREAM_API_KEY. Never logged. */
        Optional<String> apiKey();

        /** Time to establish a connection to the upstream. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest silence from the upstream (before the first byte and between chunks) before the call fails. */
        @WithDefault("120s")
        Duration idleTimeout();

        /**
         * Connections to the upstream at most, shared out among the event loops (each keeps its own pool, so a
         * request and its upstream connection stay on one thread).
         */
        @WithDefault("64")
        int maxConnections();

        /**
         * Retries after a connection failure, 429 or 502/503/504, made only while nothing has reached the client,
         * with exponential backoff and jitter (or the upstream's Retry-After, up to max-retry-delay).
         */
        @WithDefault("2")
        int maxRetries();

        /** First backoff delay; doubles on every retry. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Longest wait before a retry, whatever Retry-After asks for. */
        @WithDefault("10s")
        Duration maxRetryDelay();

        /**
         * Longest wait for a stream's response headers after the request was sent; past it the attempt fails over to
         * the next upstream (or ends in 504). A non-streamed answer's headers come with the whole answer, so its wait
         * is bounded by {@link #totalTimeout()} instead.
         */
        @WithDefault("60s")
        Duration firstByteTimeout();

        /**
         * Longest time for one whole upstream call, streamed answer included; a stream past it ends with an error event.
         * This, the first-byte and the idle deadline are checked every 50 ms, so one passes up to 50 ms late.
         */
        @WithDefault("10m")
        Duration totalTimeout();

        /** Priority of this upstream (named {@code default}) among {@code router.upstreams}: lower is tried first. */
        @WithDefault("0")
        int priority();

        /** The circuit breaker every upstream has; named upstreams may override both values. */
        CircuitBreaker circuitBreaker();
    }

    /**
     * A circuit breaker per upstream: after {@code failure-threshold} consecutive failures (connection errors, timeouts,
     * 5xx) the upstream is skipped for {@code open-duration}; then one trial request decides whether it closes again.
     */
    interface CircuitBreaker {
        /** Consecutive failures that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit skips its upstream before letting one trial request through. */
        @WithDefault("30s")
        Duration openDuration();
    }

    /**
     * One named upstream, {@code router.upstreams.<name>.*}. Unset timeouts, pool size and breaker settings take the
     * value of the same key under {@code router.upstream}.
     */
    interface NamedUpstream {
        /** Base URL including the API version path, e.g. {@code https://host/v1}. */
        String baseUrl();

        /** API key, sent as {@code Authorization: Bearer ...}; from the environment or a Secret. Never logged. */
        Optional<String> apiKey();

        /** Lower is tried first; the {@code default} upstream has {@code router.upstream.priority} (0). */
        @WithDefault("10")
        int priority();

        /** Upstream model ids (after mapping) this upstream serves; unset: every model. */
        Optional<List<String>> models();

        /** Overrides {@code router.upstream.connect-timeout}. */
        Optional<Duration> connectTimeout();

        /** Overrides {@code router.upstream.first-byte-timeout}. */
        Optional<Duration> firstByteTimeout();

        /** Overrides {@code router.upstream.idle-timeout}. */
        Optional<Duration> idleTimeout();

        /** Overrides {@code router.upstream.total-timeout}. */
        Optional<Duration> totalTimeout();

        /** Overrides {@code router.upstream.max-connections}. */
        Optional<Integer> maxConnections();

        /** Overrides {@code router.upstream.circuit-breaker.failure-threshold}. */
        Optional<Integer> circuitBreakerFailureThreshold();

        /** Overrides {@code router.upstream.circuit-breaker.open-duration}. */
        Optional<Duration> circuitBreakerOpenDuration();
    }

    /** How a chat completion request is turned into one for the chosen agent. */
    interface Proxy {
        /**
         * Upstream model id for each agent model alias, e.g. {@code router.proxy.models.sonnet=gpt-4o}. An agent model
         * without an entry (an explicit id) is forwarded as written.
         */
        Map<String, String> models();

        /** Model used for agents whose model is {@code inherit} or unset, and for unrouted requests. */
        Optional<String> defaultModel();

        /** {@code prepend}: the agent's system prompt goes first, the client's system messages stay after it;
         * {@code replace}: the client's system messages are dropped. */
        @WithDefault("prepend")
        SystemPromptMode systemPrompt();

        /** A model that is neither {@code auto} nor {@code agent/<name>}: {@code reject} (400) or {@code forward}. */
        @WithDefault("reject")
        UnknownModel unknownModel();

        /** Forward the caller's Authorization header instead of the configured key. */
        @WithDefault("false")
        boolean forwardAuthorization();

        /**
         * When {@code "model": "auto"} finds no agent confident enough: {@code forward} sends the request unrouted (no
         * agent system prompt) to {@code default-model}; {@code reject} answers 422 problem+json.
         */
        @WithDefault("forward")
        OnAbstain onAbstain();

        /**
         * Largest chat completion request body in bytes; larger bodies get 413. Larger than the routing API's limit
         * because images travel inline, as base64 data URLs. Each request is held in heap whole while it is forwarded:
         * its bytes and the tree of its messages (the spliced request is views of those bytes; with system-prompt
         * replace, a whole tree and a rewritten copy too); memory grows with the bytes received, not with the
         * Content-Length announced.
         */
        @WithDefault("16777216")
        int maxBodyBytes();

        enum SystemPromptMode { PREPEND, REPLACE }

        enum UnknownModel { REJECT, FORWARD }

        enum OnAbstain { FORWARD, REJECT }
    }

    interface Catalog {
        /**
         * Directory of agent files ({@code *.md}, read recursively; hidden entries and README.md skipped). When unset,
         * the agents bundled in the application are served.
         */
        Optional<String> dir();

        /** How often the directory is checked for changes; {@code 0s} turns hot reload off. */
        @WithDefault("2s")
        Duration pollInterval();
    }

    interface Routing {
        /**
         * Below this confidence (0-1) the router abstains, or answers with the fallback agent. Confidence estimates
         * the probability that the chosen agent is right, so 0.5 routes when right is likelier than wrong.
         */
        @WithDefault("0.5")
        double minConfidence();

        /** Agent returned with outcome {@code fallback} instead of abstaining. Unset: abstain. */
        Optional<String> fallbackAgent();

        /**
         * Softness of the candidates' softmax {@code probability} (scores are divided by the prompt's maximum
         * possible score first); larger is flatter.
         */
        @WithDefault("0.05")
        double temperature();

        /** The confidence model's weights; fitted by the evaluation harness' CalibrationFit. */
        Confidence confidence();

        /** How many ranked candidates a decision lists, with their evidence. */
        @WithDefault("5")
        int maxCandidates();

        /** Weight of earlier user turns relative to the latest one when routing a conversation. */
        @WithDefault("0.3")
        double historyWeight();

        /**
         * Decisions kept for repeated queries (the same user turns: a tool-calling loop's follow-up requests, retries),
         * least recently used dropped first, emptied when the catalog or its vectors change; 0 turns the cache off.
         */
        @WithDefault("1024")
        int decisionCacheSize();
    }

    /** Logistic model: confidence = 1 / (1 + e^-(bias + evidence*e + margin*m + coverage*c + strength*ln(1+s))). */
    interface Confidence {
        /** Intercept. */
        @WithDefault("-4.61")
        double bias();

        /** Weight of the best score over the prompt's maximum possible score. */
        @WithDefault("4.91")
        double evidenceWeight();

        /** Weight of the best agent's lead over the runner-up, on the same scale. */
        @WithDefault("7.38")
        double marginWeight();

        /** Weight of the share of the prompt's idf-weighted vocabulary the best agent contains. */
        @WithDefault("-1.30")
        double coverageWeight();

        /** Weight of log(1 + best raw score over the catalog's largest idf). */
        @WithDefault("4.39")
        double strengthWeight();
    }

    interface Api {
        /** Largest accepted request body in bytes; larger bodies get 413. */
        @WithDefault("1048576")
        int maxBodyBytes();

        /**
         * Longest pause while a request body arrives (after the headers, and between two chunks), for the routing
         * API and chat completions alike: past it the request gets 408 and its connection is closed, so a client that
         * stalls or trickles its body holds neither memory nor a connection for long. nginx's client_body_timeout.
         */
        @WithDefault("60s")
        Duration bodyIdleTimeout();
    }
}
