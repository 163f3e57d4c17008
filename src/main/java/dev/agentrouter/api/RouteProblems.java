package dev.agentrouter.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Problem answers from the router's plain Vert.x routes, which JAX-RS' {@link ProblemMappers} never see. */
final class RouteProblems {

    private RouteProblems() {}

    /** Ends the response with {@code p} as an RFC 9457 problem document about {@code instance}. */
    static void send(HttpServerResponse response, ObjectMapper mapper, ApiProblem p, String instance) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(Problem.of(p.status(), p.slug(), p.title(), p.detail(), instance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
        response.setStatusCode(p.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Buffer.buffer(json));
    }
}
