package dev.agentrouter.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /v1/route against the bundled catalog. */
@QuarkusTest
class RouteResourceTest {

    @Test
    void routesAPromptAndExplainsWhy() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"My PostgreSQL queries are slow and I need to optimize the database indexes\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", equalTo("backend-developer"))
                .body("outcome", equalTo("routed"))
                .body("confidence", greaterThan(0f))
                .body("reason", containsString("backend-developer"))
                .body("candidates[0].agent", equalTo("backend-developer"))
                .body("candidates[0].matchedTerms.term", hasItem("queries"))
                .body("candidates[0].bestExample.prompt", containsString("PostgreSQL"))
                .body("candidates[0].fieldScores", notNullValue())
                .body("signals.coverage", greaterThan(0f))
                .body("catalogVersion", greaterThan(0));
    }

    @Test
    void routesAConversationOnItsLatestUserTurn() {
        String body = """
                {"messages": [
                  {"role": "system", "content": "You are helpful."},
                  {"role": "user", "content": "Our nightly Airflow job loading the warehouse misses its SLA"},
                  {"role": "assistant", "content": "Which step is slow?"},
                  {"role": "user", "content": [{"type": "text", "text": "Write release notes for our customers"}]}
                ]}""";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", equalTo("technical-writer"));
    }

    @Test
    void abstainsWhenNothingFits() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"what will the weather be like in Paris tomorrow afternoon\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", nullValue())
                .body("outcome", equalTo("abstained"))
                .body("reason", startsWith("abstained"));
    }

    @Test
    void abstainsOnAPromptWithNoWords() {
        given().contentType(ContentType.JSON).body("{\"prompt\": \"?? !! ...\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", nullValue())
                .body("outcome", equalTo("abstained"))
                .body("candidates", org.hamcrest.Matchers.empty());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"prompt\": \"x\"", "malformed-json", "line 1, column"),
                Arguments.of("not an object", "[\"prompt\"]", "invalid-request", "must be a JSON object"),
                Arguments.of("missing prompt", "{\"text\": \"hello\"}", "invalid-request", "needs 'prompt'"),
                Arguments.of("empty prompt", "{\"prompt\": \"   \"}", "invalid-request", "'prompt' is empty"),
                Arguments.of("prompt not a string", "{\"prompt\": 42}", "invalid-request",
                        "must be a string, found a number"),
                Arguments.of("prompt and messages", "{\"prompt\": \"a\", \"messages\": []}", "invalid-request",
                        "not both"),
                Arguments.of("empty messages", "{\"messages\": []}", "invalid-request", "non-empty list"),
                Arguments.of("message without role", "{\"messages\": [{\"content\": \"hi\"}]}",
                        "invalid-request", "messages[0] must be an object with a string 'role'"),
                Arguments.of("no user text", "{\"messages\": [{\"role\": \"system\", \"content\": \"be nice\"}]}",
                        "invalid-request", "no user message"),
                Arguments.of("bad content", "{\"messages\": [{\"role\": \"user\", \"content\": 7}]}",
                        "invalid-request", "messages[0].content"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void rejectsBadInputWithAProblemThatSaysWhatToFix(String name, String body, String slug, String detail) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/route")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:" + slug))
                .body("status", equalTo(400))
                .body("detail", containsString(detail))
                .body("instance", equalTo("/v1/route"))
                .body(not(containsString("Exception")));
    }

    @Test
    void rejectsAnEmptyBody() {
        given().contentType(ContentType.JSON)
                .when().post("/v1/route")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:empty-body"));
    }

    @Test
    void rejectsABodyOverTheLimit() {
        String big = "{\"prompt\": \"" + "a".repeat(1_100_000) + "\"}";
        given().contentType(ContentType.JSON).body(big)
                .when().post("/v1/route")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("router.api.max-body-bytes"));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        // Only the headers and a few bytes are sent: the answer must not wait for the 20 MB the client announced.
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /v1/route HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{\"prompt\": \"")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertTooLargeProblem(socket);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutWaitingForItsEnd() throws Exception {
        // 1.2 MB of chunks and then nothing: the router must refuse once past 1 MiB, not buffer on to the server's cap.
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 19; i++) {
                out.write(chunk);
            }
            out.flush();
            assertTooLargeProblem(socket);
        }
    }

    /** Reads the answer until the 413 problem's detail shows; a SocketTimeoutException if the router waits. */
    private static void assertTooLargeProblem(java.net.Socket socket) throws java.io.IOException {
        byte[] buffer = new byte[8192];
        String received = "";
        while (!received.contains("router.api.max-body-bytes")) {
            int n = socket.getInputStream().read(buffer);
            org.junit.jupiter.api.Assertions.assertTrue(n > 0, "connection closed after: " + received);
            received += new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }
        org.junit.jupiter.api.Assertions.assertTrue(received.startsWith("HTTP/1.1 413"), received);
        org.junit.jupiter.api.Assertions.assertTrue(received.contains("application/problem+json"), received);
    }

    @Test
    void aChunkedBodyIsRouted() throws Exception {
        java.net.http.HttpResponse<String> response = ChunkedPost.send(root.toURI().resolve("/v1/route"),
                "{\"prompt\": \"My PostgreSQL queries are slow and I need to optimize the database indexes\"}");
        assertRoutedToBackendDeveloper(response);
    }

    @Test
    void aClientThatWaitsFor100ContinueGetsItAndIsAnswered() throws Exception {
        // The route reads its own body now, so it must send the interim answer the REST layer used to send.
        java.net.http.HttpResponse<String> response = ContinuePost.send(root.toURI().resolve("/v1/route"),
                "{\"prompt\": \"My PostgreSQL queries are slow and I need to optimize the indexes\"}");
        assertRoutedToBackendDeveloper(response);
    }

    /** For the requests sent outside REST Assured: a routing answer naming backend-developer. */
    private static void assertRoutedToBackendDeveloper(java.net.http.HttpResponse<String> response) {
        org.junit.jupiter.api.Assertions.assertEquals(200, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("\"agent\":\"backend-developer\""),
                response.body());
    }

    @Test
    void rejectsANonJsonContentType() {
        given().contentType(ContentType.TEXT).body("route this please")
                .when().post("/v1/route")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void rejectsTheWrongMethod() {
        given().when().get("/v1/route")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", containsString("does not accept GET"));
    }

    @Test
    void candidatesAreRankedBestFirst() {
        given().contentType(ContentType.JSON)
                .body("{\"prompt\": \"review my pull request for security bugs in the login handler\"}")
                .when().post("/v1/route")
                .then().statusCode(200)
                .body("agent", equalTo("code-reviewer"))
                .body("candidates.probability", everyItem(greaterThan(0f)));
    }
}
