package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a whole directory: every valid file loads, every bad one is rejected with its own reason. */
class CatalogLoaderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    static Path fixtures() throws URISyntaxException {
        return Path.of(CatalogLoaderTest.class.getResource("/catalog").toURI());
    }

    @Test
    void loadsEveryValidFixtureAndRejectsEachBadOneWithItsReason() throws Exception {
        CatalogSnapshot s = new CatalogLoader(new DirectoryCatalogSource(fixtures()), CLOCK).load();

        assertEquals(List.of("block-backslash.md", "block.md", "bom-crlf.md", "examples-list.md", "folded-strip.md",
                        "folded.md", "lenient-wrapped.md", "lenient.md", "plain.md", "quoted.md"),
                s.agents().stream().map(AgentDefinition::source).sorted().toList());
        assertEquals("plain.md", s.agent("plain-agent").orElseThrow().source(), "the first file in path order wins");

        Map<String, String> rejected = s.rejected().stream().collect(Collectors.toMap(Rejection::source,
                r -> r.line() + " " + r.reason(), (a, b) -> a + " | " + b, TreeMap::new));
        assertEquals(Map.ofEntries(
                Map.entry("bad-indent.md", "4 invalid YAML frontmatter: mapping values are not allowed here (line 3);"
                        + " read as 'key: value' lines instead, line 4 is neither a 'key: value' line nor a"
                        + " continuation of one"),
                Map.entry("bad-name.md", "2 name 'has spaces/and slashes' must be 1-128 characters of letters,"
                        + " digits, '.', '_' or '-', starting with a letter or digit"),
                Map.entry("broken-flow.md", "4 invalid YAML frontmatter: expected ',' or ']', but got : on line 5,"
                        + " while parsing a flow sequence started on line 4"),
                Map.entry("broken-yaml.md", "3 invalid YAML frontmatter: found unexpected end of stream on line 4,"
                        + " while scanning a quoted scalar started on line 3"),
                Map.entry("duplicate-key.md", "5 frontmatter key 'description' appears twice, on lines 3 and 5;"
                        + " keep one"),
                Map.entry("empty-frontmatter.md", "2 frontmatter is empty; it needs at least 'name' and"
                        + " 'description'"),
                Map.entry("missing-description.md", "null missing required frontmatter key 'description'"),
                Map.entry("missing-name.md", "null missing required frontmatter key 'name'"),
                Map.entry("name-list.md", "4 frontmatter key 'name' must be text, found a list"),
                Map.entry("no-close.md", "1 frontmatter opened on line 1 is never closed with '---'"),
                Map.entry("no-frontmatter.md", "1 file does not start with a '---' frontmatter line"),
                Map.entry("not-utf8.md", "3 file is not valid UTF-8: byte 0xE9 on line 3 (byte offset 33) cannot be"
                        + " decoded; save the file as UTF-8"),
                Map.entry("zz-duplicate.md", "null duplicate agent name 'plain-agent', already defined by plain.md")),
                rejected);

        assertEquals(CLOCK.instant(), s.loadedAt());
        assertEquals(fixtures().toString(), s.location());
    }

    @Test
    void readsSubdirectoriesButSkipsHiddenEntriesReadmesAndOtherFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("team/nested"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("a.md"), CatalogWatcherTest.agent("alpha", "Top."));
        Files.writeString(dir.resolve("team/nested/b.md"), CatalogWatcherTest.agent("beta", "Nested."));
        Files.writeString(dir.resolve(".git/c.md"), CatalogWatcherTest.agent("gamma", "Hidden directory."));
        Files.writeString(dir.resolve(".d.md"), CatalogWatcherTest.agent("delta", "Hidden file."));
        Files.writeString(dir.resolve("README.md"), "# Our agents\n");
        Files.writeString(dir.resolve("notes.txt"), CatalogWatcherTest.agent("epsilon", "Not Markdown."));

        CatalogSnapshot s = new CatalogLoader(new DirectoryCatalogSource(dir), CLOCK).load();

        assertEquals(List.of("a.md", Path.of("team", "nested", "b.md").toString()),
                s.agents().stream().map(AgentDefinition::source).toList());
        assertEquals(List.of(), s.rejected());
    }

    @Test
    void aMissingDirectoryFailsTheLoadInsteadOfLookingEmpty(@TempDir Path dir) {
        CatalogLoader loader = new CatalogLoader(new DirectoryCatalogSource(dir.resolve("absent")), CLOCK);
        assertThrows(NoSuchFileException.class, loader::load);
    }

    @Test
    void everySnapshotGetsTheNextVersion(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), CatalogWatcherTest.agent("alpha", "Top."));
        CatalogLoader loader = new CatalogLoader(new DirectoryCatalogSource(dir), CLOCK);
        assertEquals(List.of(1L, 2L, 3L), List.of(loader.load().version(), loader.load().version(),
                loader.load().version()));
    }
}
