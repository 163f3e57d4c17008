package dev.agentrouter.catalog;

/** Thrown by {@link AgentFileParser} when a file cannot become an agent. */
public class AgentFileException extends Exception {

    private final Integer line;

    public AgentFileException(String message, Integer line) {
        super(message);
        this.line = line;
    }

    /** 1-based line in the file, or null. */
    public Integer line() {
        return line;
    }
}
