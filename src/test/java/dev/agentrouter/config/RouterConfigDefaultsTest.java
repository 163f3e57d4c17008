package dev.agentrouter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import dev.agentrouter.routing.RoutingPolicy;
import io.smallrye.config.WithDefault;

/** The service's configuration defaults and the policy the evaluation harness measures must be the same. */
class RouterConfigDefaultsTest {

    @Test
    void routingDefaultsMatchThePolicyTheHarnessMeasures() throws Exception {
        RoutingPolicy p = RoutingPolicy.defaults();
        assertEquals(p.minConfidence(), number(RouterConfig.Routing.class, "minConfidence"));
        assertEquals(p.temperature(), number(RouterConfig.Routing.class, "temperature"));
        assertEquals(p.maxCandidates(), number(RouterConfig.Routing.class, "maxCandidates"));
        assertEquals(p.confidence().bias(), number(RouterConfig.Confidence.class, "bias"));
        assertEquals(p.confidence().evidenceWeight(), number(RouterConfig.Confidence.class, "evidenceWeight"));
        assertEquals(p.confidence().marginWeight(), number(RouterConfig.Confidence.class, "marginWeight"));
        assertEquals(p.confidence().coverageWeight(), number(RouterConfig.Confidence.class, "coverageWeight"));
        assertEquals(p.confidence().strengthWeight(), number(RouterConfig.Confidence.class, "strengthWeight"));
    }

    @Test
    void hybridDefaultsMatchThePolicyTheHarnessMeasures() throws Exception {
        RoutingPolicy p = RoutingPolicy.defaults();
        Class<?> f = RouterConfig.SemanticFusion.class;
        assertEquals(p.fusion().lexical(), number(f, "lexical"));
        assertEquals(p.fusion().description(), number(f, "description"));
        assertEquals(p.fusion().body(), number(f, "body"));
        assertEquals(p.fusion().sections(), number(f, "sections"));
        assertEquals(p.fusion().examples(), number(f, "examples"));
        assertEquals(p.fusion().exampleCentroid(), number(f, "exampleCentroid"));
        assertEquals(p.fusion().classifier(), number(f, "classifier"));
        assertEquals(p.fusion().classifierPerExample(), number(f, "classifierPerExample"));
        Class<?> c = RouterConfig.HybridConfidence.class;
        assertEquals(p.hybridConfidence().bias(), number(c, "bias"));
        assertEquals(p.hybridConfidence().lexicalWeight(), number(c, "lexicalWeight"));
        assertEquals(p.hybridConfidence().similarityWeight(), number(c, "similarityWeight"));
        assertEquals(p.hybridConfidence().fusedMarginWeight(), number(c, "fusedMarginWeight"));
        assertEquals(p.hybridConfidence().agreementWeight(), number(c, "agreementWeight"));
    }

    private static double number(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return Double.parseDouble(m.getAnnotation(WithDefault.class).value());
    }
}
