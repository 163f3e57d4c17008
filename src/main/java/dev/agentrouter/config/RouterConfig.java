package dev.agentrouter.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code router.*} setting (environment: {@code ROUTER_...}). */
@ConfigMapping(prefix = "router")
public interface RouterConfig {

    Catalog catalog();

    Routing routing();

    Api api();

    interface Catalog {
        /**
         * Directory of agent files ({@code *.md}, read recursively; hidden entries and README.md skipped). When unset,
         * the agents bundled in the application are served.
         */
        Optional<String> dir();

        /** How often the directory is checked for changes; {@code 0s} turns hot reload off. */
        @WithDefault("2s")
        Duration pollInterval();
    }

    interface Routing {
        /** Below this confidence (0-1) the router abstains, or answers with the fallback agent. */
        @WithDefault("0.25")
        double minConfidence();

        /** Agent returned with outcome {@code fallback} instead of abstaining. Unset: abstain. */
        Optional<String> fallbackAgent();

        /** Softness of the score-to-confidence mapping, in BM25 score units; larger is less sure. */
        @WithDefault("2.0")
        double temperature();

        /** How many ranked candidates a decision lists, with their evidence. */
        @WithDefault("5")
        int maxCandidates();

        /** Weight of earlier user turns relative to the latest one when routing a conversation. */
        @WithDefault("0.3")
        double historyWeight();
    }

    interface Api {
        /** Largest accepted request body in bytes; larger bodies get 413. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }
}
