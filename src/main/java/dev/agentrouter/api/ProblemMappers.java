package dev.agentrouter.api;

import java.util.UUID;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the API as {@code application/problem+json}; no stack trace ever reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return respond(Problem.of(problem.status(), problem.slug(), problem.title(), problem.detail(), path(uri)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(404, "not-found", "Not found",
                "nothing is served at " + path(uri) + "; the API is described at /q/openapi", path(uri)));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, Request request) {
        return Response.fromResponse(respond(Problem.of(405, "method-not-allowed", "Method not allowed",
                        path(uri) + " does not accept " + request.getMethod() + "; /q/openapi lists what it accepts",
                        path(uri))))
                .allow(e.getResponse().getAllowedMethods())
                .build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return respond(Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "send the request body as JSON with 'Content-Type: application/json'", path(uri)));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(Problem.of(406, "not-acceptable", "Not acceptable",
                "this endpoint answers with application/json; accept that media type", path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) == null ? family.name()
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // The id ties the client's report to the log line without exposing internals.
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "the router failed unexpectedly; quote error id " + id + " when reporting it", path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
