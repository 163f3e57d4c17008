package dev.agentrouter.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs a JSON body over HTTP/1.1 with {@code Expect: 100-continue}: the JDK client sends the body only after the
 * server's interim answer (curl does the same with bodies over 1 MB), so a route that never sends it times out here.
 */
public final class ContinuePost {

    private ContinuePost() {}

    public static HttpResponse<String> send(URI uri, String json) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .expectContinue(true)
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
