package dev.agentrouter.routing;

import dev.agentrouter.catalog.CatalogSnapshot;

/** A catalog snapshot together with the index built from it; swapped as one so they never disagree. */
public record RoutingTable(CatalogSnapshot catalog, LexicalIndex index) {

    public static RoutingTable of(CatalogSnapshot catalog, TextAnalyzer analyzer, LexicalSettings settings) {
        return new RoutingTable(catalog, LexicalIndex.build(catalog.agents(), analyzer, settings));
    }
}
