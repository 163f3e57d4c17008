package dev.agentrouter.observability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health and metrics checks, against the packaged application (jar, or native executable with -Dnative). */
@QuarkusIntegrationTest
class MetricsAndHealthIT extends MetricsAndHealthTest {
}
