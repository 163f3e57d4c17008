package dev.agentrouter.semantic;

/**
 * How the in-process model runs on the CPU. ONNX Runtime left to itself sizes its thread pool to the host's physical
 * cores, which a container's CPU limit does not change, and lets idle threads spin: on a large node every inference
 * would spread over dozens of threads competing for the pod's quota, burning CPU between requests (which also
 * inflates the utilisation an HPA scales on). A router embeds prompts of concurrent requests on concurrent worker
 * threads, so one thread per inference is the default: parallelism comes from the requests (on 2 cores, 2 callers
 * embedded 323 prompts/s with 1 thread each and 239 with 2 each; README, "Routing latency with semantic evidence").
 *
 * @param threads  threads one inference may use (at least 1)
 * @param spinning whether idle inference threads busy-wait for the next piece of work (only with threads &gt; 1)
 */
public record InferenceSettings(int threads, boolean spinning) {

    public InferenceSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("router.semantic.local.threads must be at least 1, was " + threads);
        }
    }

    public static InferenceSettings defaults() {
        return new InferenceSettings(1, false);
    }
}
