package dev.agentrouter.upstream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Multi;

/** What goes back to the client: status and headers, decided before the first byte, then the body as it comes. */
public record Relay(int status, Map<String, List<String>> headers, Multi<byte[]> body) {

    public static Relay of(int status, Map<String, List<String>> headers, byte[] body) {
        return new Relay(status, headers, Multi.createFrom().item(body));
    }

    public static Relay of(int status, Map<String, List<String>> headers, String body) {
        return of(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
