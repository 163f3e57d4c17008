package dev.agentrouter.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.agentrouter.observability.MetricsScrape.scrape;
import static dev.agentrouter.observability.MetricsScrape.value;
import static dev.agentrouter.observability.MetricsScrape.valueOrZero;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Health probes and Prometheus metrics on the bundled catalog. */
@QuarkusTest
class MetricsAndHealthTest {

    @Test
    void probesAreUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'agent-catalog' }.data.agents", equalTo(6));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void catalogMetricsArePublished() {
        String metrics = scrape();
        assertEquals(6.0, value(metrics, "router_catalog_agents"));
        assertEquals(0.0, value(metrics, "router_catalog_rejected_files"));
        assertTrue(value(metrics, "router_catalog_reloads_total{outcome=\"success\"}") >= 1.0);
    }

    @Test
    void decisionsLatencyAndTheDecisionCacheMoveWithTraffic() {
        String decided = "router_decisions_total{agent=\"frontend-developer\",outcome=\"routed\"}";
        String hits = "router_decision_cache_requests_total{result=\"hit\"}";
        String misses = "router_decision_cache_requests_total{result=\"miss\"}";
        String before = scrape();
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"prompt\": \"Build a responsive React component with accessible CSS layout\"}")
                    .post("/v1/route").then().statusCode(200).body("agent", equalTo("frontend-developer"));
        }
        String after = scrape();
        assertEquals(valueOrZero(before, decided) + 3, value(after, decided));
        // The first request is scored (and timed) unless an earlier test routed the same prompt; the rest are cached.
        double scored = value(after, "router_routing_duration_seconds_count")
                - valueOrZero(before, "router_routing_duration_seconds_count");
        double cached = value(after, hits) - valueOrZero(before, hits);
        assertEquals(3, scored + cached);
        assertTrue(cached >= 2, "repeats come from the decision cache");
        assertEquals(scored, value(after, misses) - valueOrZero(before, misses));
        assertTrue(after.contains("router_routing_duration_seconds_bucket{le="), "latency is a histogram");
    }

    @Test
    void helpTextsAreValidPrometheusText() {
        // HELP may escape only backslash and newline; an escaped quote makes strict parsers reject the scrape.
        assertFalse(scrape().lines().filter(l -> l.startsWith("# HELP")).anyMatch(l -> l.contains("\\\"")));
        assertTrue(scrape().contains("# HELP router_catalog_agents Agents in the current catalog snapshot"));
    }

    @Test
    void agentPathsAreOneSeriesNotOnePerName() {
        given().when().get("/v1/agents/backend-developer").then().statusCode(200);
        given().when().get("/v1/agents/no-such-agent-quokka").then().statusCode(404);
        String scrape = scrape();
        assertTrue(scrape.contains("uri=\"/v1/agents/{name}\""), "the route's template is the uri label");
        assertFalse(scrape.contains("quokka"), "a name the client sent became a label");
        assertFalse(scrape.contains("uri=\"/v1/agents/backend-developer\""));
    }

    @Test
    void promptTextNeverBecomesALabel() {
        given().contentType(ContentType.JSON).body("{\"prompt\": \"zebracorn unicornfish secretword\"}")
                .post("/v1/route").then().statusCode(200);
        assertFalse(scrape().contains("zebracorn"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/v1/route"))
                .body(containsString("/v1/agents/{name}"))
                // the route reads its own body (to refuse a large one early); its schema must still be described
                .body("paths.'/v1/route'.post.requestBody.content.'application/json'.schema.'$ref'",
                        endsWith("RouteRequest"))
                .body("paths.'/v1/route'.post.responses.'413'.content.'application/problem+json'", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
