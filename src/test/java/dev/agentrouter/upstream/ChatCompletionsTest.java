package dev.agentrouter.upstream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.agentrouter.api.ChunkedPost;
import dev.agentrouter.api.ContinuePost;
import dev.agentrouter.observability.MetricsScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** POST /v1/chat/completions against a real stub upstream on a free port. */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class ChatCompletionsTest {

    private static String chat(String model, String userText, boolean stream) {
        return new JsonObject().put("model", model).put("stream", stream).put("temperature", 0.2)
                .put("tools", new JsonArray().add(new JsonObject().put("type", "function")
                        .put("function", new JsonObject().put("name", "lookup"))))
                .put("x_custom_field", new JsonObject().put("keep", true))
                .put("messages", new JsonArray()
                        .add(new JsonObject().put("role", "system").put("content", "Answer briefly."))
                        .add(new JsonObject().put("role", "user").put("content", userText)))
                .encode();
    }

    @Test
    void autoRoutesAndActsAsTheAgent() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer caller-token")
                .body(chat("auto", "My PostgreSQL queries are slow and I need to optimize the database indexes", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "backend-developer")
                .header("X-Agent-Router-Confidence", notNullValue())
                .header("X-Agent-Router-Decision-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .header("X-Agent-Router-Upstream", "default")
                .body("choices[0].message.content", equalTo("Hello from stub-sonnet"))
                .body("usage.total_tokens", equalTo(14));
        JsonObject sent = StubUpstream.LAST_BODY.get();
        assertEquals("stub-sonnet", sent.getString("model"), "sonnet is mapped through router.proxy.models");
        JsonArray messages = sent.getJsonArray("messages");
        assertEquals("system", messages.getJsonObject(0).getString("role"));
        assertTrue(messages.getJsonObject(0).getString("content").startsWith("You are a BACKEND-DEVELOPER"));
        assertEquals("Answer briefly.", messages.getJsonObject(1).getString("content"), "client system prompt kept");
        assertEquals(3, messages.size());
        assertEquals(0.2, sent.getDouble("temperature"));
        assertEquals("lookup", sent.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name"));
        assertEquals(Boolean.TRUE, sent.getJsonObject("x_custom_field").getBoolean("keep"), "unknown fields pass");
        assertEquals("Bearer test-key", StubUpstream.LAST_AUTHORIZATION.get(), "the caller's token is not forwarded");
        assertTrue(MetricsScrape.scrape().contains("router_upstream_circuit_state{upstream=\"default\"} 0.0"));
        assertTrue(MetricsScrape.valueOrZero(
                "gen_ai_client_token_usage_total{agent=\"backend-developer\",type=\"input\"}") >= 11);
        assertTrue(MetricsScrape.valueOrZero(
                "router_upstream_duration_seconds_count{status_class=\"2xx\",upstream=\"default\"}") >= 1);
    }

    @Test
    @io.quarkus.test.junit.DisabledOnIntegrationTest("the log handler is attached in this process, not the packaged one")
    void eachDecisionIsLoggedWithItsIdButWithoutThePrompt() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger decisions = java.util.logging.Logger.getLogger("dev.agentrouter.decisions");
        decisions.addHandler(capture);
        try {
            String id = given().contentType(ContentType.JSON)
                    .body(chat("auto", "My PostgreSQL queries on quokka_orders are slow and I need to optimize the"
                            + " database indexes", false))
                    .when().post("/v1/chat/completions")
                    .then().statusCode(200).extract().header("X-Agent-Router-Decision-Id");
            String line = lines.stream().filter(l -> l.contains(id)).findFirst().orElseThrow(() ->
                    new AssertionError("no decision line with id " + id + " in " + lines));
            assertTrue(line.contains("agent=backend-developer") && line.contains("model=stub-sonnet")
                    && line.contains("stream=false"), line);
            assertFalse(lines.stream().anyMatch(l -> l.contains("quokka")), "prompt text in the log: " + lines);
        } finally {
            decisions.removeHandler(capture);
        }
    }

    @Test
    void aBodyTheSpliceDeclinesIsRewrittenWholeWithEveryFieldKept() {
        // A repeated key: readTree keeps the last value, so the whole body is parsed again and rewritten as a tree.
        String body = chat("agent/code-reviewer", "hello there", false)
                .replaceFirst("\\{", "{\"model\":\"ignored\",");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "code-reviewer");
        JsonObject sent = StubUpstream.LAST_BODY.get();
        assertEquals("stub-opus", sent.getString("model"));
        JsonArray messages = sent.getJsonArray("messages");
        assertTrue(messages.getJsonObject(0).getString("content").startsWith("You are a meticulous senior code reviewer"),
                sent.encode());
        assertEquals(3, messages.size());
        assertEquals(0.2, sent.getDouble("temperature"));
        assertEquals("lookup", sent.getJsonArray("tools").getJsonObject(0).getJsonObject("function").getString("name"));
        assertEquals(Boolean.TRUE, sent.getJsonObject("x_custom_field").getBoolean("keep"));
    }

    @Test
    void modelPinsAnAgent() {
        given().contentType(ContentType.JSON).body(chat("agent/code-reviewer", "hello there", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "code-reviewer")
                .body("model", equalTo("stub-opus"));
        assertTrue(StubUpstream.LAST_BODY.get().getJsonArray("messages").getJsonObject(0).getString("content")
                .startsWith("You are a meticulous senior code reviewer"));
    }

    @Test
    void headerPinsAnAgent() {
        given().contentType(ContentType.JSON).header("X-Agent", "technical-writer")
                .body(chat("auto", "My PostgreSQL queries are slow", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "technical-writer");
        // technical-writer's model is haiku, which is not mapped: forwarded as written.
        assertEquals("haiku", StubUpstream.LAST_BODY.get().getString("model"));
    }

    @Test
    void unknownAgentIsNotFound() {
        given().contentType(ContentType.JSON).body(chat("agent/nobody", "hi", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:unknown-agent"));
    }

    @Test
    void otherModelsAreRejectedByDefault() {
        given().contentType(ContentType.JSON).body(chat("gpt-4o", "hi", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("router.proxy.unknown-model=forward"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"model\": \"auto\", ")
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:malformed-json"));
    }

    @Test
    void streamsChunksAsTheyComeWithHeadersFirst() {
        Response r = given().contentType(ContentType.JSON)
                .body(chat("auto", "Build a responsive React component with accessible CSS layout", true))
                .when().post("/v1/chat/completions");
        r.then().statusCode(200)
                .contentType(containsString("text/event-stream"))
                .header("X-Agent-Router-Agent", "frontend-developer");
        String body = r.asString();
        assertTrue(body.contains("\"content\":\"Hel\"") && body.contains("\"content\":\"!\""), body);
        assertTrue(body.trim().endsWith("data: [DONE]"), body);
        assertTrue(MetricsScrape.valueOrZero(
                "gen_ai_client_token_usage_total{agent=\"frontend-developer\",type=\"output\"}") >= 3);
        assertTrue(MetricsScrape.valueOrZero(
                "gen_ai_server_time_to_first_token_seconds_count{agent=\"frontend-developer\"}") >= 1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                MetricsScrape.value(MetricsScrape.scrape(), "router_upstream_in_flight{upstream=\"default\"}") == 0.0);
    }

    @Test
    void failureMidStreamEndsWithAnErrorEventNotDone() {
        String body = given().contentType(ContentType.JSON)
                .body(chat("agent/devops-engineer", "FAIL_MIDSTREAM please", true))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"content\":\"Hel\""), body);
        assertTrue(body.contains("event: error"), body);
        assertTrue(body.contains("upstream_stream_interrupted"), body);
        assertFalse(body.contains("[DONE]"), "a failed stream must not look complete: " + body);
    }

    @Test
    void aStreamThatGoesSilentEndsWithAnIdleTimeoutErrorEvent() {
        long start = System.nanoTime();
        String body = given().contentType(ContentType.JSON)
                .body(chat("agent/devops-engineer", "STALL_MIDSTREAM please", true))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(body.contains("\"content\":\"Hel\""), body);
        assertTrue(body.contains("event: error"), body);
        assertTrue(body.contains("went silent for longer than 2000 ms (idle-timeout)"), body);
        assertTrue(body.contains("upstream_timeout"), body);
        assertFalse(body.contains("[DONE]"), "a stalled stream must not look complete: " + body);
        assertTrue(millis >= 2000 && millis < 8000, "router.upstream.idle-timeout is 2 s here: " + millis);
    }

    @Test
    void serverErrorFailsOverToTheNextUpstream() {
        String prompt = "PRIMARY_500 " + System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", prompt, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Upstream", "backup")
                .body("choices[0].message.content", equalTo("Hello from stub-sonnet"));
        assertEquals(1, StubUpstream.calls("primary", prompt), "a 500 is not retried on the same upstream");
        assertEquals(1, StubUpstream.calls("backup", prompt));
        assertEquals("Bearer backup-key", StubUpstream.LAST_AUTHORIZATION.get(), "each upstream gets its own key");
        assertTrue(MetricsScrape.valueOrZero(
                "router_upstream_failovers_total{reason=\"500\",upstream=\"default\"}") >= 1);
    }

    @Test
    void serverErrorsEverywhereAreABadGatewayNamingTheUpstreamNotItsKey() {
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "UPSTREAM_500", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:upstream-error"))
                .body("detail", containsString("backup (http://127.0.0.1:"))
                .body("detail", containsString("answered 500"))
                .body(not(containsString("test-key")))
                .body(not(containsString("backup-key")));
    }

    @Test
    void upstreamClientErrorPassesThrough() {
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "UPSTREAM_400", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.message", equalTo("max_tokens is too large"));
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        String prompt = "RETRY_429 " + System.nanoTime();
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", prompt, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", equalTo("Hello from stub-sonnet"));
        assertEquals(2, StubUpstream.calls("primary", prompt));
        assertEquals(0, StubUpstream.calls("backup", prompt), "retried on the same upstream, no failover");
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "waited for Retry-After: 1");
        assertTrue(MetricsScrape.valueOrZero("router_upstream_retries_total{reason=\"429\",upstream=\"default\"}") >= 1);
    }

    @Test
    void overloadedUpstreamIsRetriedThenABadGateway() {
        String prompt = "ALWAYS_503 " + System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", prompt, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("answered 503"));
        assertEquals(3, StubUpstream.calls("primary", prompt), "one call and router.upstream.max-retries=2 retries");
        assertEquals(3, StubUpstream.calls("backup", prompt), "then the same on the next upstream");
    }

    @Test
    void aStreamWhoseHeadersDoNotComeTimesOutAtTheFirstByteTimeout() {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "SLOW", true))
                .when().post("/v1/chat/completions")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:upstream-timeout"))
                .body("detail", containsString("first-byte-timeout"))
                .body("detail", containsString("after trying 2 upstreams"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 2000 && millis < 8000, "1 s first-byte timeout on each of two upstreams: " + millis);
        assertTrue(MetricsScrape.valueOrZero(
                "router_upstream_duration_seconds_count{status_class=\"timeout\",upstream=\"backup\"}") >= 1);
    }

    @Test
    void aWholeAnswerSlowerThanTheFirstByteTimeoutIsNotCutOff() {
        long start = System.nanoTime();
        given().contentType(ContentType.JSON).body(chat("agent/devops-engineer", "SLOW_ANSWER", false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Upstream", "default")
                .body("choices[0].message.content", equalTo("Hello from stub-sonnet"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 1400, "the stub answers after 1.5 s, past the 1 s first-byte timeout: " + millis);
        assertEquals(1, StubUpstream.calls("primary", "SLOW_ANSWER"));
        assertEquals(0, StubUpstream.calls("backup", "SLOW_ANSWER"), "a long generation is not sent again");
    }

    @Test
    void abstainingForwardsUnroutedWithoutASystemPrompt() {
        given().contentType(ContentType.JSON)
                .body(new JsonObject().put("model", "auto").put("messages", new JsonArray()
                        .add(new JsonObject().put("role", "user").put("content", "zzqx vlorp"))).encode())
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "none")
                .body("model", equalTo("stub-default"));
        JsonArray messages = StubUpstream.LAST_BODY.get().getJsonArray("messages");
        assertEquals(1, messages.size());
        assertEquals("user", messages.getJsonObject(0).getString("role"));
    }

    @TestHTTPResource("/")
    java.net.URL root;

    /** A user turn with an inline image (a base64 data URL) of {@code imageBytes} characters. */
    private static String withImage(int imageBytes) {
        String url = "data:image/png;base64," + "A".repeat(imageBytes);
        return new JsonObject().put("model", "agent/frontend-developer").put("messages", new JsonArray()
                .add(new JsonObject().put("role", "user").put("content", new JsonArray()
                        .add(new JsonObject().put("type", "text").put("text", "What is wrong with this layout?"))
                        .add(new JsonObject().put("type", "image_url")
                                .put("image_url", new JsonObject().put("url", url)))))).encode();
    }

    @Test
    void anInlineImageOfSeveralMegabytesIsForwardedIntact() {
        given().contentType(ContentType.JSON).body(withImage(3_000_000))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .header("X-Agent-Router-Agent", "frontend-developer");
        JsonArray messages = StubUpstream.LAST_BODY.get().getJsonArray("messages");
        String url = messages.getJsonObject(messages.size() - 1).getJsonArray("content").getJsonObject(1)
                .getJsonObject("image_url").getString("url");
        assertEquals("data:image/png;base64,".length() + 3_000_000, url.length());
    }

    @Test
    void aBodyOverTheChatLimitIsAProblemNamingTheKey() {
        given().contentType(ContentType.JSON).body(withImage(16 * 1024 * 1024))
                .when().post("/v1/chat/completions")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:agent-router:problem:body-too-large"))
                .body("detail", containsString("router.proxy.max-body-bytes"));
    }

    @Test
    void aChunkedBodyOverTheChatLimitIsAProblemToo() throws Exception {
        // no length known in advance: sent chunked, so it is refused only once it passes the limit
        java.net.http.HttpResponse<String> response = ChunkedPost.send(root.toURI().resolve("/v1/chat/completions"),
                withImage(16 * 1024 * 1024));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("router.proxy.max-body-bytes"), response.body());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedIntact() throws Exception {
        java.net.http.HttpResponse<String> response = ChunkedPost.send(root.toURI().resolve("/v1/chat/completions"),
                withImage(500_000));
        assertEquals(200, response.statusCode(), response.body());
        JsonArray messages = StubUpstream.LAST_BODY.get().getJsonArray("messages");
        String url = messages.getJsonObject(messages.size() - 1).getJsonArray("content").getJsonObject(1)
                .getJsonObject("image_url").getString("url");
        assertEquals("data:image/png;base64,".length() + 500_000, url.length());
    }

    @Test
    void aClientThatWaitsFor100ContinueGetsItAndIsAnswered() throws Exception {
        // curl sends "Expect: 100-continue" with bodies over 1 MB; without the interim answer it waits a second.
        java.net.http.HttpResponse<String> response = ContinuePost.send(root.toURI().resolve("/v1/chat/completions"),
                withImage(100_000));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("frontend-developer", response.headers().firstValue("X-Agent-Router-Agent").orElse(""));
    }

    /** Sends headers announcing 100 bytes and only 10 of them, then reads until the connection closes. */
    private String stallMidBody(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"model\":")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // a SocketTimeoutException if the router waits on, or keeps the connection open after answering
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyThatStopsArrivingIsARequestTimeoutAndTheConnectionIsClosed() throws Exception {
        // router.api.body-idle-timeout is 1 s here
        for (String path : List.of("/v1/chat/completions", "/v1/route")) {
            long start = System.nanoTime();
            String received = stallMidBody(path);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(received.startsWith("HTTP/1.1 408"), path + ": " + received);
            assertTrue(received.contains("application/problem+json"), received);
            assertTrue(received.contains("urn:agent-router:problem:body-timeout"), received);
            assertTrue(received.contains("router.api.body-idle-timeout"), received);
            assertTrue(millis >= 1000 && millis < 5000, path + " answered after " + millis + " ms");
        }
    }

    @Test
    void aMalformedContentLengthIsABadRequestBeforeAnyRouteSeesIt() throws Exception {
        // Netty's codec refuses it, so the routes may take any Content-Length they are given as a number
        for (String path : List.of("/v1/chat/completions", "/v1/route")) {
            try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 12x\r\n\r\n{\"model\":1}")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String received = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(received.startsWith("HTTP/1.1 400"), path + ": " + received);
            }
        }
    }

    @Test
    void aBodyThatKeepsArrivingWithShortPausesIsRead() throws Exception {
        // three parts, 600 ms apart: 1.2 s in all, longer than the 1 s pause limit, which each chunk renews
        byte[] body = chat("agent/devops-engineer", "Set up a CI pipeline", false)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            int third = body.length / 3;
            for (int part = 0; part < 3; part++) {
                out.write(body, part * third, part == 2 ? body.length - 2 * third : third);
                out.flush();
                if (part < 2) {
                    Thread.sleep(600);
                }
            }
            String received = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(received.startsWith("HTTP/1.1 200"), received);
            assertTrue(received.contains("Hello from stub-sonnet"), received);
        }
    }

    @Test
    void aClientThatHangsUpCancelsTheUpstreamCall() throws Exception {
        StubUpstream.SLOW_STREAM_CANCELLED.set(false);
        byte[] body = chat("agent/devops-engineer", "SLOW_STREAM", true).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            byte[] buffer = new byte[4096];
            String received = "";
            while (!received.contains("chat.completion.chunk")) {
                assertFalse(received.startsWith("HTTP/1.1 5"), received);
                int n = socket.getInputStream().read(buffer);
                assertTrue(n > 0, "stream ended before the first chunk");
                received += new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilTrue(StubUpstream.SLOW_STREAM_CANCELLED);
    }

    @Test
    void openApiDescribesChatCompletions() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/v1/chat/completions"))
                .body(containsString("/v1/models"));
    }

    @Test
    void modelsListsAutoAndEveryAgent() {
        given().when().get("/v1/models")
                .then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItems("auto", "agent/backend-developer", "agent/technical-writer"))
                .body("data[0].object", equalTo("model"));
    }
}
