package dev.agentrouter.semantic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
        given().contentType(ContentType.JSON).body("{\"prompt\": \"Set up a Helm chart\"}").post("/v1/route")
                .then().statusCode(200).body("semantic.state", equalTo("unavailable"));

        StubEmbeddings.server.mode.set("ok");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("checks.name", hasItem("semantic-evidence")));
    }
}
