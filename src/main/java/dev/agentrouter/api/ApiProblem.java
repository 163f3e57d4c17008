package dev.agentrouter.api;

/**
 * A client-facing error, rendered as {@code application/problem+json} (RFC 9457) by {@link ProblemMappers}.
 * {@code slug} names the problem type stably; {@code detail} tells the caller what to fix.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ApiProblem(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem badRequest(String slug, String title, String detail) {
        return new ApiProblem(400, slug, title, detail);
    }

    public static ApiProblem unknownAgent(String name) {
        return new ApiProblem(404, "unknown-agent", "Unknown agent",
                "no agent named '" + name + "' is loaded; GET /v1/agents lists the available agents");
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
