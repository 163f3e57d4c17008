package dev.agentrouter.api;

import java.io.IOException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.upstream.RequestSplicer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads JSON request bodies with the checks a caller needs precise answers for: size, emptiness, syntax (with line
 * and column) and shape. The raw bytes are read by the resource so that none of this depends on a framework default.
 */
@ApplicationScoped
public class JsonBodies {

    /** The largest body a route accepts, and the configuration key that sets it (named in the 413 answer). */
    public record Limit(int bytes, String key) {

        /** A 413 problem for a body of {@code length} bytes. */
        public ApiProblem exceeded(long length) {
            return new ApiProblem(413, "body-too-large", "Request body too large",
                    "the request body has " + (length < 0 ? "more than " + bytes : length) + " bytes; the limit is "
                            + bytes + " (configuration key " + key + ")");
        }
    }

    private final ObjectMapper mapper;
    private final Limit apiLimit;
    private final Limit chatLimit;
    private final long bodyIdleMillis;

    public JsonBodies(ObjectMapper mapper, RouterConfig config) {
        this.mapper = mapper;
        this.apiLimit = new Limit(config.api().maxBodyBytes(), "router.api.max-body-bytes");
        this.chatLimit = new Limit(config.proxy().maxBodyBytes(), "router.proxy.max-body-bytes");
        this.bodyIdleMillis = Math.max(1, config.api().bodyIdleTimeout().toMillis());
    }

    /** A 408 problem for a body that stopped arriving. */
    private ApiProblem bodyStalled() {
        return new ApiProblem(408, "body-timeout", "Request body timed out", "no bytes of the request body arrived"
                + " for " + bodyIdleMillis + " ms (configuration key router.api.body-idle-timeout); the connection"
                + " is closed");
    }

    /** The limit of the routing API's requests. */
    public Limit apiLimit() {
        return apiLimit;
    }

    /** The limit of chat completion requests. */
    public Limit chatLimit() {
        return chatLimit;
    }

    /**
     * Reads a routing API body, refusing it as soon as it is known to pass the limit: before reading when its
     * Content-Length says so, or at the chunk that passes it. (Given a {@code byte[]} parameter, the REST layer would
     * buffer a chunked body whole, up to the server's cap, before anything could refuse it.) Completes with null when
     * there is no body.
     */
    public Uni<byte[]> readApiBody(HttpServerRequest request) {
        return Uni.createFrom().emitter(emitter -> {
            long declared = declaredLength(request);
            if (declared > apiLimit.bytes()) {
                UnreadBodies.drop(request);
                emitter.fail(apiLimit.exceeded(declared));
                return;
            }
            read(request, apiLimit, declared, emitter::complete, emitter::fail);
        });
    }

    /**
     * Reads a body within {@code limit} and the pause limit ({@code router.api.body-idle-timeout}), with
     * {@link LimitedBody}: {@code complete} gets the body (null when there is none), {@code refused} the problem to
     * answer when it passes the limit (413) or stops arriving (408).
     *
     * @param declared the Content-Length, already checked against the limit, or -1 when there is none
     */
    void read(HttpServerRequest request, Limit limit, long declared, Consumer<byte[]> complete,
              Consumer<ApiProblem> refused) {
        LimitedBody.read(request, limit.bytes(), declared, bodyIdleMillis, new LimitedBody.Outcome() {
            @Override
            public void complete(byte[] body) {
                complete.accept(body);
            }

            @Override
            public void tooLarge() {
                refused.accept(limit.exceeded(-1));
            }

            @Override
            public void stalled() {
                refused.accept(bodyStalled());
            }
        });
    }

    /**
     * The request's Content-Length, or -1 without one (the body is chunked). Netty's codec answers a malformed one with
     * 400 before any route sees the request.
     */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses a body that must be one JSON object. */
    public JsonNode object(byte[] body, String example) {
        return checked(body, apiLimit, example, () -> new RequestSplicer.Parsed(mapper.readTree(body), null)).tree();
    }

    /**
     * Parses a chat completion request that must be one JSON object, noting where the proxy splices it
     * ({@link RequestSplicer}): one pass over the bytes for both.
     */
    public RequestSplicer.Parsed chatRequest(byte[] body, String example) {
        return checked(body, chatLimit, example, () -> RequestSplicer.read(mapper, body));
    }

    private interface Parse {
        RequestSplicer.Parsed parse() throws IOException;
    }

    private RequestSplicer.Parsed checked(byte[] body, Limit limit, String example, Parse parse) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("empty-body", "Empty request body",
                    "the request body is empty; send a JSON object such as " + example);
        }
        if (body.length > limit.bytes()) {
            throw limit.exceeded(body.length);
        }
        RequestSplicer.Parsed parsed;
        try {
            parsed = parse.parse();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiProblem.badRequest("malformed-json", "Malformed JSON",
                    "the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed-json", "Malformed JSON",
                    "the request body could not be read as JSON: " + e.getMessage());
        }
        JsonNode node = parsed.tree();
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    "the request body must be a JSON object such as " + example);
        }
        return parsed;
    }
}
