package dev.agentrouter.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.agentrouter.catalog.BundledCatalogSource;
import dev.agentrouter.catalog.CatalogLoader;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.catalog.CatalogSource;
import dev.agentrouter.catalog.CatalogWatcher;
import dev.agentrouter.catalog.DirectoryCatalogSource;
import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.RouterMetrics;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.TextAnalyzer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Owns the current {@link RoutingTable}: loads the catalog at start-up, keeps it current, and publishes each new
 * snapshot with its index in one atomic swap, so a request sees either the old table or the new one, never a mix.
 * The snapshot's semantic vectors are added by a second swap once embedded.
 */
@ApplicationScoped
public class AgentRegistry {

    private final RouterConfig config;
    private final RouterMetrics metrics;
    private final SemanticRouting semantic;
    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final LexicalSettings lexical = LexicalSettings.defaults();
    private final CatalogSource source;
    private final AtomicReference<RoutingTable> table;
    private volatile boolean started;
    private CatalogWatcher watcher;

    public AgentRegistry(RouterConfig config, RouterMetrics metrics, SemanticRouting semantic) {
        this.config = config;
        this.metrics = metrics;
        this.semantic = semantic;
        this.source = config.catalog().dir()
                .filter(dir -> !dir.isBlank())
                .<CatalogSource>map(dir -> new DirectoryCatalogSource(Path.of(dir)))
                .orElseGet(BundledCatalogSource::new);
        // Until the first load finishes, requests see an empty catalog (routing abstains, readiness is down).
        this.table = new AtomicReference<>(RoutingTable.of(CatalogSnapshot.empty(source.location()), analyzer, lexical));
    }

    void onStart(@Observes StartupEvent event) {
        watcher = new CatalogWatcher(new CatalogLoader(source, Clock.systemUTC()), this::publish);
        watcher.start(config.catalog().pollInterval());
        started = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void publish(CatalogSnapshot snapshot, CatalogWatcher.Outcome outcome, boolean changed) {
        if (changed) {
            RoutingTable lexicalOnly = RoutingTable.of(snapshot, analyzer, lexical);
            table.set(lexicalOnly);
            // Lexical routing serves at once; the vectors join when embedded, unless a newer snapshot came first.
            semantic.embedInBackground(lexicalOnly, withVectors -> table.compareAndSet(lexicalOnly, withVectors));
        }
        metrics.catalogLoaded(snapshot, outcome);
    }

    /** The table requests should use; never null. */
    public RoutingTable current() {
        return table.get();
    }

    /** True once the first load attempt has finished, whatever its result. */
    public boolean started() {
        return started;
    }
}
