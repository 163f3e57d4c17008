package dev.agentrouter.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentrouter.observability.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The circuit breaker, the total timeout (of a stream and of a whole answer) and on-abstain=reject, with their own
 * configuration (breaker opens after 2 failures, 1.5 s total timeout) so that they cannot disturb the other chat
 * completion tests.
 */
@QuarkusTest
@TestProfile(UpstreamResilienceTest.Profile.class)
class UpstreamResilienceTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubUpstream.class, Map.of("profile", "resilience")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static String chat(String model, String userText, boolean stream) {
        return new JsonObject().put("model", model).put("stream", stream).put("messages", new JsonArray()
                .add(new JsonObject().put("role", "user").put("content", userText))).encode();
    }

    @Test
    void anUpstreamThatKeepsFailingIsSkippedUntilItsCircuitCloses() {
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "PRIMARY_500 " + i, false))
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200)
                    .header("X-Agent-Router-Upstream", "backup");
        }
        assertEquals(2.0, MetricsScrape.value(MetricsScrape.scrape(), "router_upstream_circuit_state{upstream=\"default\"}"),
                "open after router.upstream.circuit-breaker.failure-threshold=2 failures");
        String prompt = "healthy " + System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", prompt, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Upstream", "backup");
        assertEquals(0, StubUpstream.calls("primary", prompt), "an open circuit is not called at all");
        assertTrue(MetricsScrape.valueOrZero(
                "router_upstream_failovers_total{reason=\"circuit_open\",upstream=\"default\"}") >= 1);
    }

    @Test
    void aStreamPastItsTotalTimeoutEndsWithAnErrorEventNotDone() {
        long start = System.nanoTime();
        String body = given().contentType(ContentType.JSON)
                .body(chat("agent/devops-engineer", "SLOW_STREAM", true))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).contentType(containsString("text/event-stream")).extract().asString();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(body.contains("chat.completion.chunk"), body);
        assertTrue(body.contains("event: error") && body.contains("upstream_timeout"), body);
        assertTrue(body.contains("total-timeout"), body);
        assertFalse(body.contains("[DONE]"), body);
        assertTrue(millis >= 1400 && millis < 10_000, "router.upstream.total-timeout=1500ms: " + millis);
    }

    @Test
    void aWholeAnswerPastItsTotalTimeoutIsAGatewayTimeout() {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "SLOW", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:upstream-timeout"))
                .body("detail", containsString("total-timeout"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1400 && millis < 10_000, "router.upstream.total-timeout=1500ms: " + millis);
    }

    @Test
    void abstainingIsRejectedWhenConfigured() {
        given().contentType(ContentType.JSON).body(chat("auto", "zzqx vlorp", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:no-agent"))
                .body("detail", containsString("router.proxy.on-abstain=forward"));
    }
}
