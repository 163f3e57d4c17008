package dev.agentrouter.semantic;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Semantic routing with the remote provider against the packaged application: in a native executable, which has no
 * in-process model, this is how decisions get semantic evidence.
 */
@QuarkusIntegrationTest
@TestProfile(SemanticRoutingTest.RemoteEmbeddings.class)
class SemanticRoutingIT extends SemanticRoutingTest {
}
