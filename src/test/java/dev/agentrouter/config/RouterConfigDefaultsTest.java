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

    private static double number(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return Double.parseDouble(m.getAnnotation(WithDefault.class).value());
    }
}
