package dev.agentrouter.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Without any upstream, chat completions say what to set; models, routing and readiness are unaffected. */
@QuarkusTest
@TestProfile(NoUpstreamTest.Profile.class)
class NoUpstreamTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void chatCompletionsNameTheVariableToSet() {
        given().contentType(ContentType.JSON).body("{\"model\": \"auto\", \"messages\": []}")
                .when().post("/v1/chat/completions")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:no-upstream"))
                .body("detail", containsString("ROUTER_UPSTREAM_BASE_URL"));
    }

    @Test
    void modelsAndReadinessStillWork() {
        given().when().get("/v1/models").then().statusCode(200).body("data.id", hasItem("auto"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
