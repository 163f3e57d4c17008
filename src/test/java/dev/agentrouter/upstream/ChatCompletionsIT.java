package dev.agentrouter.upstream;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The chat completion checks, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class ChatCompletionsIT extends ChatCompletionsTest {
}
