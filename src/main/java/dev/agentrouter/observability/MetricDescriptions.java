package dev.agentrouter.observability;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps /q/metrics valid Prometheus text: HELP lines may escape only backslash and newline, but some library meters
 * (e.g. process.cpu.usage, "The \"recent cpu usage\"...") carry double quotes that the exporter escapes as
 * {@code \"}, which {@code promtool check metrics} and strict parsers reject. Quotes become apostrophes.
 */
public class MetricDescriptions {

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
}
