package dev.agentrouter.routing;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.semantic.SemanticIndex;

/**
 * A catalog snapshot together with the indexes built from it; swapped as one so they never disagree. The semantic
 * index is null until the snapshot's agents have been embedded (or when semantic routing is off).
 */
public record RoutingTable(CatalogSnapshot catalog, LexicalIndex index, SemanticIndex semantic) {

    public static RoutingTable of(CatalogSnapshot catalog, TextAnalyzer analyzer, LexicalSettings settings) {
        return new RoutingTable(catalog, LexicalIndex.build(catalog.agents(), analyzer, settings), null);
    }

    public RoutingTable withSemantic(SemanticIndex vectors) {
        return new RoutingTable(catalog, index, vectors);
    }
}
