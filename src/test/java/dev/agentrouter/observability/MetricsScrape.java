package dev.agentrouter.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads series from /q/metrics of the application under test. */
public final class MetricsScrape {

    private MetricsScrape() {}

    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one exact series (name and labels as exported), failing when it is absent. */
    public static double value(String metrics, String series) {
        OptionalDouble v = find(metrics, series);
        assertTrue(v.isPresent(), () -> "series " + series + " not found in /q/metrics");
        return v.getAsDouble();
    }

    /** The value of one series in a fresh scrape, or 0 when it has not been created yet. */
    public static double valueOrZero(String series) {
        return valueOrZero(scrape(), series);
    }

    public static double valueOrZero(String metrics, String series) {
        return find(metrics, series).orElse(0.0);
    }

    private static OptionalDouble find(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
