package dev.agentrouter.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** GET /v1/agents on the bundled catalog. */
@QuarkusTest
class AgentsResourceTest {

    @Test
    void listsTheBundledAgents() {
        given().when().get("/v1/agents")
                .then().statusCode(200)
                .body("location", equalTo("classpath:agents/"))
                .body("count", equalTo(6))
                .body("agents.name", hasItems("backend-developer", "frontend-developer", "devops-engineer",
                        "data-engineer", "code-reviewer", "technical-writer"))
                .body("rejected", empty())
                .body("agents.find { it.name == 'backend-developer' }.examples", equalTo(3))
                .body("agents.find { it.name == 'backend-developer' }.model", equalTo("sonnet"));
    }

    @Test
    void showsOneAgentWithoutItsBodyByDefault() {
        given().when().get("/v1/agents/backend-developer")
                .then().statusCode(200)
                .body("name", equalTo("backend-developer"))
                .body("description", not(containsString("<example>")))
                .body("examples", hasSize(3))
                .body("examples[0].userPrompt", equalTo("I need to create a REST API endpoint for user authentication"))
                .body("examples[0].context", equalTo("User needs help with backend development tasks."))
                .body("source", equalTo("agents/backend-developer.md"))
                // The seed's unquoted description with ": " inside is not strict YAML.
                .body("frontmatter", equalTo("lenient"))
                .body("extra.frontmatterWarning", containsString("not valid YAML"))
                .body("systemPrompt", nullValue());
    }

    @Test
    void includesTheBodyOnRequest() {
        given().queryParam("includeBody", true)
                .when().get("/v1/agents/devops-engineer")
                .then().statusCode(200)
                .body("systemPrompt", containsString("senior DevOps"))
                .body("tools", hasItems("Read", "Bash"));
    }

    @Test
    void unknownAgentIsANotFoundProblem() {
        given().when().get("/v1/agents/no-such-agent")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:unknown-agent"))
                .body("detail", containsString("no-such-agent"));
    }
}
