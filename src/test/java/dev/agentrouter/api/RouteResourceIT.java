package dev.agentrouter.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The routing API checks, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class RouteResourceIT extends RouteResourceTest {
}
