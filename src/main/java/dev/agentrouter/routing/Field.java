package dev.agentrouter.routing;

/** The parts of an agent definition that are scored, each with its own weight and length normalisation. */
public enum Field {
    NAME("name"),
    DESCRIPTION("description"),
    EXAMPLES("examples"),
    BODY("body");

    private final String key;

    Field(String key) {
        this.key = key;
    }

    /** The name used in the API and configuration. */
    public String key() {
        return key;
    }
}
