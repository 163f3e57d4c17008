package dev.agentrouter.semantic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentrouter.observability.MetricsScrape;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With router.semantic.gate-readiness, a pod is ready only once its catalog has been embedded. */
@QuarkusTest
@TestProfile(SemanticReadinessTest.GatedOnAFailingModel.class)
class SemanticReadinessTest {

    public static class GatedOnAFailingModel implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubEmbeddings.class,
                    Map.of("mode", "error", "router.semantic.gate-readiness", "true")));
        }
    }

    @Test
    void readinessWaitsForTheFirstEmbeddingWhileRoutingGoesOnLexically() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'semantic-evidence' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'agent-catalog' }.status", equalTo("UP"));
        // Not ready, but not broken: a caller that reaches the pod anyway gets a lexical decision that says why.
        String prompt = "{\"prompt\": \"Set up a Helm chart\"}";
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route")
                .then().statusCode(200).body("semantic.state", equalTo("unavailable"));
        // Lexical for as long as the catalog has no vectors: the decision is cached like any other...
        String hits = "router_decision_cache_requests_total{result=\"hit\"}";
        double before = MetricsScrape.valueOrZero(MetricsScrape.scrape(), hits);
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route")
                .then().statusCode(200).body("semantic.state", equalTo("unavailable"));
        assertEquals(before + 1, MetricsScrape.value(MetricsScrape.scrape(), hits));

        StubEmbeddings.server.mode.set("ok");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("semantic-evidence")));
        // ...and the vectors' arrival (a new table) ends it.
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route")
                .then().statusCode(200).body("semantic.state", equalTo("used"));
    }
}
