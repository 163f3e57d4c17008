package dev.agentrouter.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One overlay of deploy/ rendered by {@code kubectl kustomize}, as plain maps. */
final class RenderedManifests {

    private final List<Map<String, Object>> objects;

    private RenderedManifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    /** Whether kubectl (with its built-in kustomize) can run here; the tests skip with this reason otherwise. */
    static Optional<String> kubectlMissing() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("kubectl version --client failed");
        } catch (IOException | InterruptedException e) {
            return Optional.of("kubectl not found on PATH (.ci/run installs it): " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static RenderedManifests render(Path overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + overlay + " failed: " + err);
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(out)) {
            if (doc != null) {
                objects.add((Map<String, Object>) doc);
            }
        }
        return new RenderedManifests(objects);
    }

    List<Map<String, Object>> objects() {
        return objects;
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** The value at a path of map keys and list indices, e.g. {@code at(d, "spec", "template", "spec")}. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current)
                    .get((String) step);
        }
        return (T) current;
    }
}
