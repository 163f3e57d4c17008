package dev.agentrouter.routing;

import dev.agentrouter.semantic.SemanticIndex;

/**
 * The semantic side of one routing request: the catalog's vectors and the query's, or the reason there are none
 * (then routing is lexical and the decision says why).
 */
public record SemanticQuery(SemanticIndex index, float[] vector, RouteDecision.SemanticStatus status) {

    public static final SemanticQuery OFF = new SemanticQuery(null, null, RouteDecision.SemanticStatus.OFF);

    public static SemanticQuery of(SemanticIndex index, float[] vector) {
        return new SemanticQuery(index, vector, RouteDecision.SemanticStatus.used(index.model()));
    }

    public static SemanticQuery without(String state, String model, String detail) {
        return new SemanticQuery(null, null, new RouteDecision.SemanticStatus(state, model, detail));
    }

    public boolean usable() {
        return index != null && vector != null;
    }
}
