package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

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

    @Test
    void readersOnlyEverSeeCompleteSnapshots() throws Exception {
        for (int i = 0; i < 200; i++) {
            Files.writeString(dir.resolve(String.format("agent-%03d.md", i)), agent("agent-" + i, "Old " + i + "."));
        }
        start(dir);
        // version -> every agent count a reader saw for that snapshot version
        Map<Long, Set<Integer>> seen = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                CatalogSnapshot s = watcher.current();
                seen.computeIfAbsent(s.version(), v -> ConcurrentHashMap.newKeySet()).add(s.agents().size());
            }
        });
        reader.start();
        for (int i = 200; i < 400; i++) {
            Files.writeString(dir.resolve(String.format("agent-%03d.md", i)), agent("agent-" + i, "New " + i + "."));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> watcher.current().agents().size() == 400);
        stop.set(true);
        reader.join();
        // Files appear one by one, so a poll may catch any count; what must never happen is a published snapshot
        // changing while it is read.
        seen.forEach((version, sizes) -> assertEquals(1, sizes.size(), "snapshot " + version + " seen as " + sizes));
        assertTrue(seen.size() >= 2, "the reader saw the reloads: " + seen);
        CatalogSnapshot last = watcher.current();
        assertEquals(400, last.agents().size());
        assertEquals(400, last.agents().stream().map(AgentDefinition::name).distinct().count());
    }
}
