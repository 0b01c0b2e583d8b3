package dev.criconf.model;

/**
 * The root of every exception the library throws on purpose. Bad input is not exceptional: parsers
 * return {@link Problem}s. Exceptions are for requests that cannot be carried out, such as an edit
 * whose verification failed or a write that did not complete.
 */
public class CriconfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CriconfException(String message) {
        super(message);
    }

    public CriconfException(String message, Throwable cause) {
        super(message, cause);
    }
}
