package dev.agentrouter.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default agents shipped inside the application under {@code agents/}. Class-path directories cannot be listed
 * portably (not at all in a native executable), so {@code agents/index.txt} names the files.
 */
public final class BundledCatalogSource implements CatalogSource {

    static final String ROOT = "agents/";
    static final String INDEX = ROOT + "index.txt";

    private final ClassLoader loader;

    public BundledCatalogSource() {
        this(BundledCatalogSource.class.getClassLoader());
    }

    BundledCatalogSource(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String location() {
        return "classpath:" + ROOT;
    }

    @Override
    public List<AgentFile> read() throws IOException {
        List<AgentFile> files = new ArrayList<>();
        for (String name : index()) {
            try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
                if (in == null) {
                    throw new IOException(INDEX + " names " + name + ", which is not bundled");
                }
                files.add(new AgentFile(ROOT + name, in.readAllBytes()));
            }
        }
        return files;
    }

    /** The bundled catalog never changes while the process runs. */
    @Override
    public String fingerprint() {
        return location();
    }

    List<String> index() throws IOException {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IOException(INDEX + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }
}
