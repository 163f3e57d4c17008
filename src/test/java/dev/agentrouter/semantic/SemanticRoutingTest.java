package dev.agentrouter.semantic;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentrouter.observability.MetricsScrape;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Semantic routing in the running service, with the remote provider against a real stub embeddings server. */
@QuarkusTest
@TestProfile(SemanticRoutingTest.RemoteEmbeddings.class)
class SemanticRoutingTest {

    public static class RemoteEmbeddings implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubEmbeddings.class));
        }
    }

    private static String route(String prompt) {
        return "{\"prompt\": \"" + prompt + "\"}";
    }

    @BeforeEach
    void catalogIsEmbedded() {
        StubEmbeddings.server.mode.set("ok");
        await().atMost(Duration.ofSeconds(20)).until(() -> "used".equals(given().contentType(ContentType.JSON)
                .body(route("warm up the catalog")).post("/v1/route").jsonPath().getString("semantic.state")));
    }

    @AfterEach
    void healthy() {
        StubEmbeddings.server.mode.set("ok");
    }

    @Test
    void aPromptSharingNoWordWithAnyAgentIsRankedOnMeaning() {
        given().contentType(ContentType.JSON).body(route("sluggish lag everywhere")).post("/v1/route").then()
                .statusCode(200)
                .body("semantic.state", equalTo("used"))
                .body("semantic.model", equalTo("remote:stub-embeddings"))
                .body("candidates[0].semantic.similarity", notNullValue())
                .body("candidates[0].matchedTerms.size()", equalTo(0))
                .body("signals.similarity", notNullValue())
                .body("reason", containsString("meaning similarity"));
    }

    @Test
    void whenTheModelFailsThePromptIsRoutedLexicallyAndTheDecisionSaysWhy() {
        StubEmbeddings.server.mode.set("error");
        given().contentType(ContentType.JSON).body(route("My PostgreSQL queries are slow, failing model"))
                .post("/v1/route").then()
                .statusCode(200)
                .body("candidates[0].agent", equalTo("backend-developer"))
                .body("semantic.state", equalTo("unavailable"))
                .body("semantic.detail", containsString("answered 500"))
                .body("semantic.detail", containsString("routed lexically"))
                .body("semantic.detail", not(containsString("embedding-key")))
                .body("candidates[0].semantic", equalTo(null));
    }

    @Test
    void aDecisionMadeWhileTheModelFailedIsNotReusedOnceItRecovers() {
        String prompt = route("Tune the slow PostgreSQL indexes while the model is down");
        StubEmbeddings.server.mode.set("error");
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route").then().statusCode(200)
                .body("semantic.state", equalTo("unavailable"));
        StubEmbeddings.server.mode.set("ok");
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route").then().statusCode(200)
                .body("semantic.state", equalTo("used"));
    }

    @Test
    void aToolLoopFollowUpReusesTheDecisionOfItsUserTurns() {
        String user = "{\"role\": \"user\", \"content\": \"Write a runbook for our Helm chart upgrade\"}";
        String first = "{\"messages\": [" + user + "]}";
        String followUp = "{\"messages\": [" + user + ", {\"role\": \"assistant\", \"content\": \"Reading the chart\"},"
                + " {\"role\": \"tool\", \"content\": \"values.yaml: replicas: 3\"}]}";
        String hit = "router_decision_cache_requests_total{result=\"hit\"}";
        String agent = given().contentType(ContentType.JSON).body(first).post("/v1/route").then().statusCode(200)
                .extract().path("agent");
        double before = MetricsScrape.valueOrZero(MetricsScrape.scrape(), hit);
        given().contentType(ContentType.JSON).body(followUp).post("/v1/route").then().statusCode(200)
                .body("agent", equalTo(agent))
                .body("semantic.state", equalTo("used"));
        assertEquals(before + 1, MetricsScrape.value(MetricsScrape.scrape(), hit));
    }

    @Test
    void aTimeoutAlsoDegradesToLexical() {
        StubEmbeddings.server.mode.set("slow");
        given().contentType(ContentType.JSON).body(route("Set up a Helm chart, slow model")).post("/v1/route").then()
                .statusCode(200)
                .body("candidates[0].agent", equalTo("devops-engineer"))
                .body("semantic.state", equalTo("unavailable"))
                .body("semantic.detail", containsString("did not answer within 1000 ms"));
    }

    @Test
    void aRepeatedPromptIsEmbeddedOnce() {
        String prompt = route("review the pull request wording twice");
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route").then().statusCode(200);
        int before = StubEmbeddings.server.texts.get();
        given().contentType(ContentType.JSON).body(prompt).post("/v1/route").then().statusCode(200)
                .body("semantic.state", equalTo("used"));
        assertEquals(before, StubEmbeddings.server.texts.get(), "the second request was answered from the cache");
    }

    @Test
    void chatCompletionsRouteWithSemanticEvidence() {
        given().contentType(ContentType.JSON)
                .body("{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\":"
                        + " \"Our postgres database query needs an index\"}]}")
                .post("/v1/chat/completions").then()
                .statusCode(200)
                .header("X-Agent-Router-Agent", equalTo("backend-developer"));
    }

    @Test
    void metricsShowReadinessAndTheCache() {
        given().contentType(ContentType.JSON).body(route("cache me for the metrics")).post("/v1/route");
        // The same latest turn after another one: a new query for the decision cache, a known prompt vector.
        given().contentType(ContentType.JSON).body("{\"messages\": [{\"role\": \"user\", \"content\": \"first\"},"
                + " {\"role\": \"user\", \"content\": \"cache me for the metrics\"}]}").post("/v1/route");
        String metrics = MetricsScrape.scrape();
        assertEquals(1.0, MetricsScrape.value(metrics, "router_semantic_ready"));
        assertTrue(MetricsScrape.value(metrics, "router_embedding_cache_requests_total{result=\"hit\"}") >= 1);
        assertTrue(MetricsScrape.value(metrics, "router_embedding_agents_total") >= 6);
        long buckets = metrics.lines().filter(l -> l.startsWith("router_embedding_duration_seconds_bucket{")).count();
        assertEquals(13, buckets, "twelve fixed buckets and +Inf");
        assertTrue(MetricsScrape.value(metrics,
                "router_embedding_duration_seconds_bucket{kind=\"prompt\",le=\"+Inf\"}") >= 1);
    }
}
