package dev.agentrouter.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a {@code POST /v1/route} whose declared length is over {@code router.api.max-body-bytes} before the REST
 * layer reads it: that layer would buffer up to the server's cap (32M, sized for chat completions) before
 * {@link JsonBodies} could refuse it. A chunked body is still read first, and refused by {@link JsonBodies}.
 */
@ApplicationScoped
public class RouteBodyLimit {

    static final String PATH = "/v1/route";

    private final JsonBodies.Limit limit;
    private final ObjectMapper mapper;

    public RouteBodyLimit(JsonBodies bodies, ObjectMapper mapper) {
        this.limit = bodies.apiLimit();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1; // the REST layer answers a malformed length itself
        }
        if (declared <= limit.bytes()) {
            ctx.next();
            return;
        }
        UnreadBodies.drop(ctx.request());
        RouteProblems.send(ctx.response(), mapper, limit.exceeded(declared), PATH);
    }
}
