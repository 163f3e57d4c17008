package dev.agentrouter.observability;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/** Adjustments to meters the router does not create itself (Quarkus, JVM, Vert.x). */
public class MeterFilters {

    /**
     * Keeps /q/metrics valid Prometheus text: HELP lines may escape only backslash and newline, but some library
     * meters (e.g. process.cpu.usage, "The \"recent cpu usage\"...") carry double quotes that the exporter escapes as
     * {@code \"}, which {@code promtool check metrics} and strict parsers reject. Quotes become apostrophes.
     */
    @Produces
    @Singleton
    public MeterFilter noDoubleQuotesInDescriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = id.getDescription();
                if (description == null || description.indexOf('"') < 0) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                        description.replace('"', '\''), id.getType());
            }
        };
    }

    /** HTTP server latency as a histogram, so dashboards can aggregate percentiles across pods. */
    @Produces
    @Singleton
    public MeterFilter httpServerLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue(Duration.ofMillis(1).toNanos() * 1.0)
                        .maximumExpectedValue(Duration.ofSeconds(60).toNanos() * 1.0)
                        .build()
                        .merge(config);
            }
        };
    }
}
