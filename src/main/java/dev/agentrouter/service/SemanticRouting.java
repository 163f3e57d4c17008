package dev.agentrouter.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.SemanticMetrics;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.SemanticQuery;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.EmbeddingException;
import dev.agentrouter.semantic.InferenceSettings;
import dev.agentrouter.semantic.LocalModels;
import dev.agentrouter.semantic.QueryVectorCache;
import dev.agentrouter.semantic.RemoteEmbedder;
import dev.agentrouter.semantic.SemanticIndex;

/**
 * Semantic evidence for routing. Owns the embedding model (in-process or remote), embeds each catalog snapshot in
 * the background (only agents whose text changed: {@link AgentVectorCache}) and hands the result to the registry,
 * and embeds prompts (through a bounded {@link QueryVectorCache}). Until a snapshot is embedded, and whenever the
 * model fails, routing is lexical and each decision says why ({@code semantic.state}).
 */
@ApplicationScoped
public class SemanticRouting {

    private static final Logger LOG = Logger.getLogger(SemanticRouting.class);

    private final RouterConfig.Semantic config;
    private final SemanticMetrics metrics;
    private final String model;
    private final String queryPrefix;
    private final QueryVectorCache queryCache;
    /** How the in-process model runs; checked at startup, so a bad setting stops the service instead of every load. */
    private final InferenceSettings inference;
    private final AgentVectorCache agentCache = new AgentVectorCache();
    private final ScheduledExecutorService embedding;
    /**
     * {@link #enabled}, fixed at start: asked on every routed request, and finding the in-process models is a class
     * look-up (about 1 % of the router's CPU under the proxy benchmark).
     */
    private final boolean enabled;
    private volatile Embedder promptEmbedder;
    private volatile Embedder catalogEmbedder;
    /** Why there is no semantic evidence right now (null when there is, or when semantic routing is off). */
    private volatile String unavailable;
    private volatile boolean ready;
    /** Some catalog snapshot has been embedded since start (readiness gating ignores later reloads). */
    private volatile boolean embeddedOnce;

    public SemanticRouting(RouterConfig config, SemanticMetrics metrics) {
        this.config = config.semantic();
        this.metrics = metrics;
        this.queryCache = new QueryVectorCache(Math.max(0, this.config.queryCacheSize()));
        this.inference = new InferenceSettings(this.config.local().threads(), this.config.local().spinning());
        RouterConfig.Semantic.Provider provider = this.config.provider();
        if (provider == RouterConfig.Semantic.Provider.REMOTE) {
            RouterConfig.Remote r = this.config.remote();
            String url = r.baseUrl().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                    "router.semantic.provider=remote needs router.semantic.remote.base-url, e.g. http://tei:8080/v1"));
            String remoteModel = r.model().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                    "router.semantic.provider=remote needs router.semantic.remote.model (the embeddings model name)"));
            this.promptEmbedder = new RemoteEmbedder(url, remoteModel, r.apiKey(), r.connectTimeout(), r.timeout());
            this.catalogEmbedder = new RemoteEmbedder(url, remoteModel, r.apiKey(), r.connectTimeout(),
                    r.catalogTimeout());
            this.model = promptEmbedder.id();
        } else if (provider == RouterConfig.Semantic.Provider.LOCAL && !LocalModels.available()) {
            LOG.warn("Semantic routing is off: this build has no in-process embedding models (native executables are"
                    + " built without ONNX Runtime). Set router.semantic.provider=remote to use an embeddings endpoint,"
                    + " or router.semantic.provider=none to silence this warning.");
            this.model = config.semantic().model();
            this.unavailable = "this build has no in-process embedding models; set router.semantic.provider=remote";
        } else {
            this.model = provider == RouterConfig.Semantic.Provider.NONE ? null : this.config.model();
        }
        this.queryPrefix = this.config.queryPrefix().orElse("");
        this.enabled = provider != RouterConfig.Semantic.Provider.NONE
                && (provider == RouterConfig.Semantic.Provider.REMOTE || LocalModels.available());
        this.embedding = enabled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-router-embedding");
            t.setDaemon(true);
            return t;
        }) : null;
        metrics.register(() -> ready ? 1 : 0, queryCache::hits, queryCache::misses);
    }

    /** Whether the current catalog snapshot is embedded, so decisions use semantic evidence. */
    public boolean ready() {
        return ready;
    }

    /** Whether readiness should wait for semantic evidence, and it is not there yet. */
    public boolean holdsReadiness() {
        return config.gateReadiness() && enabled() && !embeddedOnce;
    }

    /** Whether semantic evidence is configured and this build can provide it. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Embeds the table's agents in the background and calls {@code publish} with the table plus its vectors; on
     * failure, tries again after {@code router.semantic.retry-interval} (as long as the table is still current).
     */
    public void embedInBackground(RoutingTable table, Consumer<RoutingTable> publish) {
        if (!enabled()) {
            return;
        }
        ready = false;
        embedding.execute(() -> embed(table, publish));
    }

    private void embed(RoutingTable table, Consumer<RoutingTable> publish) {
        try {
            loadLocalModel();
            long start = System.nanoTime();
            AgentVectorCache.Result result = agentCache.vectors(table.catalog().agents(), catalogEmbedder,
                    queryPrefix);
            long nanos = System.nanoTime() - start;
            metrics.catalogEmbedded(nanos, result.embedded());
            LOG.infof("Embedded catalog snapshot %d with %s: %d agent(s) embedded, %d reused, in %d ms",
                    table.catalog().version(), catalogEmbedder.id(), result.embedded(), result.reused(),
                    nanos / 1_000_000);
            unavailable = null;
            ready = true;
            embeddedOnce = true;
            publish.accept(table.withSemantic(new SemanticIndex(catalogEmbedder.id(), result.vectors())));
        } catch (RuntimeException e) {
            metrics.failed("catalog");
            unavailable = "the catalog could not be embedded (" + e.getMessage() + ")";
            LOG.warnf("Semantic routing unavailable: %s; routing lexically, retrying in %s", e.getMessage(),
                    config.retryInterval());
            embedding.schedule(() -> embed(table, publish), config.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void loadLocalModel() {
        if (catalogEmbedder == null) {
            long start = System.nanoTime();
            Embedder local = LocalModels.load(config.model(), inference);
            LOG.infof("Loaded in-process embedding model %s in %d ms (%d inference thread(s), spinning %s)", local.id(),
                    (System.nanoTime() - start) / 1_000_000, inference.threads(),
                    inference.spinning() ? "on" : "off");
            catalogEmbedder = local;
            promptEmbedder = local;
        }
    }

    /**
     * {@link #queryFor} when it would not run the model: the prompt's vector is cached (one look-up, counted as a
     * hit), or there is no semantic evidence to use; null when it would (a blocking call): then call
     * {@link #queryFor} off the event loop, whose look-up counts the miss.
     */
    public SemanticQuery withoutInference(RoutingTable table, Query query) {
        SemanticIndex vectors = table.semantic();
        if ((!enabled() && unavailable == null) || vectors == null || promptEmbedder == null) {
            return queryFor(table, query);
        }
        float[] vector = queryCache.hit(vectors.model(), text(query));
        return vector == null ? null : SemanticQuery.of(vectors, vector);
    }

    /**
     * The semantic side of routing {@code query} against {@code table}: the prompt's vector (from the cache or the
     * model; may block) or why there is none.
     */
    public SemanticQuery queryFor(RoutingTable table, Query query) {
        if (!enabled() && unavailable == null) {
            return SemanticQuery.OFF;
        }
        SemanticIndex vectors = table.semantic();
        if (vectors == null) {
            String why = unavailable != null ? unavailable : "the catalog is still being embedded";
            return SemanticQuery.without(unavailable != null ? "unavailable" : "pending", model,
                    why + "; routed lexically");
        }
        String text = text(query);
        float[] vector = queryCache.get(vectors.model(), text);
        if (vector == null) {
            long start = System.nanoTime();
            try {
                vector = promptEmbedder.embed(java.util.List.of(queryPrefix + text))[0];
            } catch (EmbeddingException e) {
                metrics.failed("prompt");
                LOG.warnf("Prompt embedding failed: %s; routing lexically", e.getMessage());
                return SemanticQuery.without("unavailable", vectors.model(), e.getMessage() + "; routed lexically");
            }
            metrics.promptEmbedded(System.nanoTime() - start);
            queryCache.put(vectors.model(), text, vector);
        }
        return SemanticQuery.of(vectors, vector);
    }

    /** What is embedded of a conversation: its weightiest part, the latest user turn. */
    static String text(Query query) {
        Query.Part best = query.parts().get(0);
        for (Query.Part p : query.parts()) {
            if (p.weight() >= best.weight()) {
                best = p;
            }
        }
        return best.text();
    }

    @PreDestroy
    void close() {
        if (embedding != null) {
            embedding.shutdownNow();
        }
    }
}
