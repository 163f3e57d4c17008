package dev.agentrouter.catalog;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Agent files ({@code *.md}) under a directory, read recursively. Symbolic links are followed, and entries whose name
 * starts with a dot are skipped: that is exactly what makes a Kubernetes ConfigMap mount work, where the visible
 * {@code name.md} links through {@code ..data} into a hidden, timestamped directory that is swapped atomically.
 */
public final class DirectoryCatalogSource implements CatalogSource {

    private final Path root;

    public DirectoryCatalogSource(Path root) {
        this.root = root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<AgentFile> read() throws IOException {
        List<AgentFile> files = new ArrayList<>();
        for (Path path : agentFiles()) {
            try {
                files.add(new AgentFile(relative(path), Files.readAllBytes(path)));
            } catch (java.nio.file.NoSuchFileException e) {
                // Deleted between listing and reading: the next poll sees the new state.
            }
        }
        return files;
    }

    @Override
    public String fingerprint() throws IOException {
        StringBuilder fp = new StringBuilder();
        for (Path path : agentFiles()) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
                fp.append(relative(path)).append('|').append(path.toRealPath()).append('|')
                        .append(attrs.size()).append('|').append(attrs.lastModifiedTime().toMillis()).append('\n');
            } catch (java.nio.file.NoSuchFileException e) {
                fp.append(relative(path)).append("|gone\n");
            }
        }
        return fp.toString();
    }

    private List<Path> agentFiles() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "catalog directory does not exist");
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> !p.equals(root))
                    .filter(p -> !hidden(root.relativize(p)))
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path path) {
        return root.relativize(path).toString();
    }
}
