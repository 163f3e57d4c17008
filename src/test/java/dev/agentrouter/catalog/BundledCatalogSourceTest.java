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
        CatalogSnapshot s = new CatalogLoader(new BundledCatalogSource(), Clock.systemUTC()).load();
        assertEquals(List.of(), s.rejected());
        assertEquals(6, s.agents().size());
        s.agents().forEach(a -> assertEquals(true, !a.examples().isEmpty(), a.name() + " has examples"));
    }
}
