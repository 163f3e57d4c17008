package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class BundledCatalogSourceTest {

    @Test
    void indexNamesExactlyTheBundledFiles() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/agents"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
        assertEquals(onDisk, new BundledCatalogSource().index().stream().sorted().toList());
    }

    @Test
    void everyBundledAgentLoads() throws IOException {
        BundledCatalogSource source = new BundledCatalogSource();
        CatalogSnapshot s = new CatalogLoader(source, Clock.systemUTC()).load();
        assertEquals(List.of(), s.rejected());
        assertEquals(source.index().stream().map(f -> "agents/" + f).toList(),
                s.agents().stream().map(AgentDefinition::source).toList());
        // Each bundled file is named after its agent, and each gives the router examples to learn from.
        s.agents().forEach(a -> assertEquals("agents/" + a.name() + ".md", a.source()));
        s.agents().forEach(a -> assertEquals(true, !a.examples().isEmpty(), a.name() + " has examples"));
        assertEquals("classpath:agents/", s.location());
    }
}
