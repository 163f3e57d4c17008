package dev.agentrouter.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The catalog API checks, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class AgentsResourceIT extends AgentsResourceTest {
}
