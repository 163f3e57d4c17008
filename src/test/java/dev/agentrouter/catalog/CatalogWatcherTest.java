package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of a catalog directory, including the Kubernetes ConfigMap symlink swap. */
class CatalogWatcherTest {

    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private CatalogWatcher watcher;
    private final List<CatalogWatcher.Outcome> outcomes = new CopyOnWriteArrayList<>();

    static String agent(String name, String description) {
        return "---\nname: " + name + "\ndescription: " + description + "\n---\nBody of " + name + ".\n";
    }

    private CatalogWatcher start(Path root) {
        watcher = new CatalogWatcher(new CatalogLoader(new DirectoryCatalogSource(root), Clock.systemUTC()),
                (snapshot, outcome, changed) -> outcomes.add(outcome));
        watcher.start(POLL);
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void awaitNames(String... names) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(Set.of(names),
                Set.copyOf(watcher.current().agents().stream().map(AgentDefinition::name).toList())));
    }

    @Test
    void picksUpAddedModifiedAndDeletedFiles() throws IOException {
        Files.writeString(dir.resolve("a.md"), agent("alpha", "First."));
        start(dir);
        assertEquals(1, watcher.current().agents().size());

        Files.createDirectories(dir.resolve("team"));
        Files.writeString(dir.resolve("team/b.md"), agent("beta", "Second, in a subdirectory."));
        awaitNames("alpha", "beta");

        Files.writeString(dir.resolve("a.md"), agent("alpha", "First, edited to be longer than before."));
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(
                "First, edited to be longer than before.", watcher.current().agent("alpha").orElseThrow().description()));

        Files.delete(dir.resolve("team/b.md"));
        awaitNames("alpha");
        assertTrue(outcomes.stream().allMatch(o -> o == CatalogWatcher.Outcome.SUCCESS), outcomes.toString());
    }

    @Test
    void aNewBrokenFileIsRejectedWhileOthersLoad() throws IOException {
        Files.writeString(dir.resolve("a.md"), agent("alpha", "First."));
        start(dir);
        Files.writeString(dir.resolve("z.md"), "---\nname: zeta\n---\nno description\n");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> watcher.current().rejected().size() == 1);
        Rejection r = watcher.current().rejected().get(0);
        assertEquals("z.md", r.source());
        assertTrue(r.reason().contains("'description'"), r.reason());
        assertEquals(List.of("alpha"), watcher.current().agents().stream().map(AgentDefinition::name).toList());
        assertTrue(outcomes.contains(CatalogWatcher.Outcome.PARTIAL));
    }

    @Test
    void aFileThatTurnsBadKeepsItsLastGoodVersion() throws IOException {
        Files.writeString(dir.resolve("a.md"), agent("alpha", "First."));
        Files.writeString(dir.resolve("b.md"), agent("beta", "Second."));
        start(dir);
        Files.writeString(dir.resolve("b.md"), "---\nname: beta\ndescription: \"unterminated\n---\nBody\n");
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> watcher.current().rejected().size() == 1);
        assertEquals("Second.", watcher.current().agent("beta").orElseThrow().description());
        assertTrue(watcher.current().rejected().get(0).reason().contains("still serving the last valid version"));
    }

    @Test
    void duplicateNamesKeepTheFirstFileInPathOrder() throws IOException {
        Files.writeString(dir.resolve("a.md"), agent("same", "From a."));
        Files.writeString(dir.resolve("b.md"), agent("same", "From b."));
        start(dir);
        assertEquals("From a.", watcher.current().agent("same").orElseThrow().description());
        Rejection r = watcher.current().rejected().get(0);
        assertEquals("b.md", r.source());
        assertTrue(r.reason().contains("duplicate agent name 'same', already defined by a.md"), r.reason());
    }

    @Test
    void followsAConfigMapSymlinkSwap() throws IOException {
        // The layout the kubelet writes: visible links -> ..data/<file>, ..data -> ..<timestamp>/ (swapped atomically).
        Path v1 = Files.createDirectory(dir.resolve("..2026_11_24_10_00_00.1"));
        Files.writeString(v1.resolve("a.md"), agent("alpha", "Version one."));
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("a.md"), Path.of("..data/a.md"));
        start(dir);
        awaitNames("alpha");
        assertEquals(List.of(), watcher.current().rejected(), "hidden ..data entries are not read twice");

        Path v2 = Files.createDirectory(dir.resolve("..2026_11_24_10_05_00.2"));
        Files.writeString(v2.resolve("a.md"), agent("alpha", "Version two."));
        Files.writeString(v2.resolve("b.md"), agent("beta", "New in version two."));
        Files.createSymbolicLink(dir.resolve("b.md"), Path.of("..data/b.md"));
        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        awaitNames("alpha", "beta");
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals("Version two.",
                watcher.current().agent("alpha").orElseThrow().description()));
    }

    @Test
    void aMissingDirectoryIsRetriedUntilItAppears() throws IOException {
        Path later = dir.resolve("later");
        start(later);
        assertTrue(watcher.current().isEmpty());
        assertTrue(outcomes.contains(CatalogWatcher.Outcome.FAILED));
        Files.createDirectories(later);
        Files.writeString(later.resolve("a.md"), agent("alpha", "Arrived."));
        awaitNames("alpha");
    }

    /** Writes one ConfigMap payload directory of {@code count} agents whose descriptions start with {@code tag}. */
    private Path payload(String dirName, int count, String tag) throws IOException {
        Path payload = Files.createDirectory(dir.resolve(dirName));
        for (int i = 0; i < count; i++) {
            Files.writeString(payload.resolve(String.format("agent-%03d.md", i)),
                    agent("agent-" + i, tag + " " + i + "."));
        }
        return payload;
    }

    /** The kubelet's swap: a new {@code ..data_tmp} link renamed atomically over {@code ..data}. */
    private void pointDataAt(Path payload) throws IOException {
        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), payload.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void readersOnlyEverSeeCompleteSnapshots() throws Exception {
        Path old = payload("..2026_11_24_10_00_00.1", 200, "Old");
        Path next = payload("..2026_11_24_10_05_00.2", 300, "New");
        Files.createSymbolicLink(dir.resolve("..data"), old.getFileName());
        for (int i = 0; i < 300; i++) {
            String file = String.format("agent-%03d.md", i);
            Files.createSymbolicLink(dir.resolve(file), Path.of("..data", file)); // 100 dangle while ..data is old
        }
        start(dir);
        assertEquals(200, watcher.current().agents().size());

        // Every snapshot a reader can get must be all old (200 agents) or all new (300), never a mix or a part.
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        Set<Long> versionsSeen = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                while (!stop.get()) {
                    CatalogSnapshot s = watcher.current();
                    if (versionsSeen.add(s.version())) {
                        Set<String> tags = new TreeSet<>();
                        s.agents().forEach(a -> tags.add(a.description().substring(0, 3)));
                        int size = s.agents().size();
                        if (!(size == 200 && tags.equals(Set.of("Old")) || size == 300 && tags.equals(Set.of("New")))) {
                            violations.add("snapshot " + s.version() + ": " + size + " agents tagged " + tags);
                        }
                    }
                }
            } catch (RuntimeException e) {
                violations.add(e.toString());
            }
        });
        reader.start();
        try {
            for (int swap = 0; swap < 8; swap++) {
                boolean toNew = swap % 2 == 0;
                pointDataAt(toNew ? next : old);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                        () -> watcher.current().agents().size() == (toNew ? 300 : 200));
                // The reader checks this snapshot before the next swap, even when a loaded CPU delays its thread.
                long version = watcher.current().version();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> versionsSeen.contains(version));
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertEquals(List.of(), List.copyOf(violations));
        assertTrue(versionsSeen.size() >= 9, "the reader saw every swap: " + versionsSeen);
        assertEquals(List.of(), watcher.current().rejected());
    }

    /** A source whose files change while they are being read, as during a ConfigMap swap. */
    static final class SwappedWhileReading implements CatalogSource {
        final AtomicInteger reads = new AtomicInteger();
        volatile String state = "v1";

        @Override
        public String location() {
            return "swapping";
        }

        @Override
        public List<AgentFile> read() {
            if (reads.incrementAndGet() == 2) {
                // The second read sees a.md before the swap and b.md after it, then the swap is complete.
                state = "v2";
                return List.of(file("a.md", "alpha", "v1"), file("b.md", "beta", "v2"));
            }
            return List.of(file("a.md", "alpha", state), file("b.md", "beta", state));
        }

        @Override
        public String fingerprint() {
            return state;
        }

        static AgentFile file(String source, String name, String version) {
            return new AgentFile(source, agent(name, version).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aSnapshotReadWhileTheSourceChangedIsNotPublished() {
        SwappedWhileReading source = new SwappedWhileReading();
        List<CatalogSnapshot> published = new CopyOnWriteArrayList<>();
        watcher = new CatalogWatcher(new CatalogLoader(source, Clock.systemUTC()),
                (snapshot, outcome, changed) -> published.add(snapshot));
        watcher.start(Duration.ZERO);
        source.state = "v1-touched";
        watcher.reloadIfChanged(false);

        assertEquals(3, source.reads.get(), "the torn read was repeated");
        assertEquals(2, published.size());
        assertEquals(List.of("v1", "v1"), descriptions(published.get(0)));
        assertEquals(List.of("v2", "v2"), descriptions(published.get(1)));
        assertEquals(published.get(1), watcher.current());
    }

    private static List<String> descriptions(CatalogSnapshot s) {
        return s.agents().stream().map(AgentDefinition::description).toList();
    }

    @Test
    void aFailingListenerIsNotReportedAsAnUnreadableCatalog() throws IOException {
        Files.writeString(dir.resolve("a.md"), agent("alpha", "First."));
        List<Boolean> changedFlags = new CopyOnWriteArrayList<>();
        watcher = new CatalogWatcher(new CatalogLoader(new DirectoryCatalogSource(dir), Clock.systemUTC()),
                (snapshot, outcome, changed) -> {
                    outcomes.add(outcome);
                    changedFlags.add(changed);
                    throw new IllegalStateException("listener bug");
                });
        watcher.start(Duration.ZERO);
        assertEquals(List.of(CatalogWatcher.Outcome.SUCCESS), outcomes);
        assertEquals(List.of(true), changedFlags);
        assertEquals(List.of("alpha"), watcher.current().agents().stream().map(AgentDefinition::name).toList());
    }

    @Test
    void aDirectoryThatDisappearsKeepsTheLastSnapshot() throws IOException {
        Path catalog = Files.createDirectory(dir.resolve("catalog"));
        Files.writeString(catalog.resolve("a.md"), agent("alpha", "First."));
        start(catalog);
        CatalogSnapshot loaded = watcher.current();
        // Gone in one step (a rename), so no reload can see the directory half-emptied.
        Path moved = Files.move(catalog, dir.resolve("catalog-removed"));
        Files.delete(moved.resolve("a.md"));
        Files.delete(moved);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.contains(CatalogWatcher.Outcome.FAILED));
        assertEquals(loaded, watcher.current());

        Files.createDirectory(catalog);
        Files.writeString(catalog.resolve("b.md"), agent("beta", "Back."));
        awaitNames("beta");
    }
}
