package dev.agentrouter.catalog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Keeps the catalog current: loads it once, then polls the source's fingerprint and rebuilds the snapshot when it
 * changes. Polling (rather than file-system events) sees a Kubernetes ConfigMap's {@code ..data} symlink swap and
 * works the same on every file system, including network and overlay mounts.
 *
 * <p>A reload never makes things worse: an unreadable source keeps the previous snapshot, and a file that turns bad
 * keeps serving its last good version while the problem is reported.
 */
public final class CatalogWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CatalogWatcher.class);
    /** Reads of a source that keeps changing under the reader before giving up until the next poll. */
    private static final int MAX_ATTEMPTS = 3;

    /** What happened to one load attempt. */
    public enum Outcome {
        /** Every file loaded. */
        SUCCESS,
        /** The snapshot was replaced, but some files were rejected. */
        PARTIAL,
        /** The source could not be read; the previous snapshot stays. */
        FAILED
    }

    /** Told about every load attempt, with the snapshot that is current afterwards. */
    @FunctionalInterface
    public interface Listener {
        void onLoad(CatalogSnapshot current, Outcome outcome, boolean changed);
    }

    private final CatalogLoader loader;
    private final Listener listener;
    private final ScheduledExecutorService poller;
    private volatile CatalogSnapshot current;
    private String lastFingerprint;

    public CatalogWatcher(CatalogLoader loader, Listener listener) {
        this.loader = loader;
        this.listener = listener;
        this.current = CatalogSnapshot.empty(loader.source().location());
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "catalog-watcher");
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads the catalog now, on the caller's thread, then polls every {@code interval} (zero: never). */
    public CatalogSnapshot start(Duration interval) {
        reloadIfChanged(true);
        if (!interval.isZero() && !interval.isNegative()) {
            long millis = interval.toMillis();
            poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
        return current;
    }

    /** One poll. Nothing may escape: an executor silently cancels a periodic task that throws, ending hot reload. */
    private void poll() {
        try {
            reloadIfChanged(false);
        } catch (Throwable t) {
            LOG.errorf(t, "Catalog poll of %s failed; polling continues", loader.source().location());
        }
    }

    public CatalogSnapshot current() {
        return current;
    }

    /** Checks the source and reloads when it changed (or always, when {@code force}). */
    public synchronized void reloadIfChanged(boolean force) {
        CatalogSnapshot next = null;
        try {
            for (int attempt = 1; next == null; attempt++) {
                String fingerprint = loader.source().fingerprint();
                if (!force && Objects.equals(fingerprint, lastFingerprint)) {
                    return;
                }
                CatalogSnapshot loaded = loader.load();
                // Files are read one by one: a change landing mid-read (a ConfigMap swap) would mix old and new
                // files in one snapshot. Publish only what was read from a source that held still.
                boolean stable = fingerprint.equals(loader.source().fingerprint());
                if (stable || (force && attempt >= MAX_ATTEMPTS)) {
                    next = keepLastGoodVersions(loaded, current);
                    lastFingerprint = stable ? fingerprint : null;
                } else if (attempt >= MAX_ATTEMPTS) {
                    LOG.warnf("Agent catalog %s kept changing while it was read; trying again on the next poll",
                            loader.source().location());
                    return;
                }
            }
            current = next;
        } catch (IOException | RuntimeException e) {
            // Retried on the next poll: the fingerprint is left unchanged on purpose.
            LOG.errorf("Cannot read agent catalog %s: %s; keeping the %d agent(s) already loaded",
                    loader.source().location(), e.getMessage(), current.agents().size());
            notifyListener(current, Outcome.FAILED, false);
            return;
        }
        Outcome outcome = next.rejected().isEmpty() ? Outcome.SUCCESS : Outcome.PARTIAL;
        LOG.infof("Loaded %d agent(s) from %s (snapshot %d, %d file(s) rejected)",
                next.agents().size(), next.location(), next.version(), next.rejected().size());
        next.rejected().forEach(r -> LOG.warnf("Rejected agent file %s", r));
        notifyListener(next, outcome, true);
    }

    /**
     * A failing listener must not be mistaken for an unreadable source: that would report FAILED for a snapshot that
     * is already current and, worse, call the listener a second time with {@code changed=false}.
     */
    private void notifyListener(CatalogSnapshot snapshot, Outcome outcome, boolean changed) {
        try {
            listener.onLoad(snapshot, outcome, changed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Catalog listener failed on snapshot %d", snapshot.version());
        }
    }

    /**
     * A file that was valid in the previous snapshot but is rejected now keeps its previous agent, so one bad edit
     * does not take an agent out of service. Its rejection is still reported.
     */
    static CatalogSnapshot keepLastGoodVersions(CatalogSnapshot next, CatalogSnapshot previous) {
        if (next.rejected().isEmpty() || previous.isEmpty()) {
            return next;
        }
        Map<String, AgentDefinition> previousBySource = new HashMap<>();
        previous.agents().forEach(a -> previousBySource.put(a.source(), a));
        List<AgentDefinition> agents = new ArrayList<>(next.agents());
        List<Rejection> rejected = new ArrayList<>();
        for (Rejection r : next.rejected()) {
            AgentDefinition lastGood = previousBySource.get(r.source());
            if (lastGood != null && next.agent(lastGood.name()).isEmpty()) {
                agents.add(lastGood);
                rejected.add(new Rejection(r.source(), r.line(),
                        r.reason() + " (still serving the last valid version of '" + lastGood.name() + "')"));
            } else {
                rejected.add(r);
            }
        }
        return new CatalogSnapshot(next.version(), next.location(), next.loadedAt(), agents, rejected);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
