package dev.agentrouter.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With a fallback agent configured, low-confidence prompts get it, marked as a fallback. */
@QuarkusTest
@TestProfile(FallbackAgentTest.WithFallback.class)
class FallbackAgentTest {

    public static class WithFallback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.routing.fallback-agent", "technical-writer");
        }
    }

    @Test
    void offTopicPromptGetsTheFallback() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"what will the weather be like in Paris tomorrow afternoon\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", equalTo("technical-writer"))
                .body("outcome", equalTo("fallback"))
                .body("reason", startsWith("fell back to technical-writer"));
    }

    @Test
    void confidentPromptIsStillRouted() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"My PostgreSQL queries are slow and I need to optimize the database indexes\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", equalTo("backend-developer"))
                .body("outcome", equalTo("routed"));
    }
}
