package dev.agentrouter.semantic;

/** The embedding model could not produce vectors; routing then falls back to lexical evidence and says so. */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
