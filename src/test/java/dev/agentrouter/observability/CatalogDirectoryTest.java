package dev.agentrouter.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The service on a catalog directory that starts empty: not ready, then ready once an agent appears, with bad files
 * reported in the API and metrics, then not ready again when the last agent goes.
 */
@QuarkusTest
@TestProfile(CatalogDirectoryTest.EmptyDirectory.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogDirectoryTest {

    static final Path DIR = createDir();

    public static class EmptyDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("router.catalog.dir", DIR.toString(), "router.catalog.poll-interval", "100ms");
        }
    }

    /** Under target/ rather than a temporary directory, which nothing removed: emptied here, removed by a clean. */
    private static Path createDir() {
        Path dir = Path.of("target", "catalog-directory-test").toAbsolutePath();
        try {
            if (Files.isDirectory(dir)) {
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String AGENT = """
            ---
            name: sql-tuner
            description: Tunes slow SQL queries and database indexes.
            ---
            You tune SQL.
            """;

    @Test
    @Order(1)
    void emptyCatalogIsNotReadyAndRoutingAbstains() {
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/q/health/live").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"prompt\": \"slow SQL query\"}")
                .post("/v1/route").then().statusCode(200)
                .body("agent", nullValue())
                .body("reason", containsString("no agents"));
    }

    @Test
    @Order(2)
    void becomesReadyWhenAnAgentAppearsAndReportsBadFiles() throws IOException {
        Files.writeString(DIR.resolve("sql-tuner.md"), AGENT);
        Files.writeString(DIR.resolve("broken.md"), "---\nname: [broken\ndescription: x\n---\nbody\n");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/v1/agents").then().statusCode(200)
                .body("agents.name", equalTo(java.util.List.of("sql-tuner")))
                .body("rejected", hasSize(1))
                .body("rejected[0].source", equalTo("broken.md"))
                .body("rejected[0].line", equalTo(2))
                .body("rejected[0].reason", containsString("invalid YAML"));
        given().contentType(ContentType.JSON).body("{\"prompt\": \"my SQL queries are slow, which indexes?\"}")
                .post("/v1/route").then().statusCode(200).body("agent", equalTo("sql-tuner"));
        String metrics = MetricsScrape.scrape();
        org.junit.jupiter.api.Assertions.assertEquals(1.0,
                MetricsScrape.value(metrics, "router_catalog_rejected_files"));
        org.junit.jupiter.api.Assertions.assertTrue(
                MetricsScrape.value(metrics, "router_catalog_reloads_total{outcome=\"partial\"}") >= 1.0);
    }

    @Test
    @Order(3)
    void becomesUnreadyWhenTheLastAgentIsDeleted() throws IOException {
        Files.delete(DIR.resolve("sql-tuner.md"));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(503));
    }
}
