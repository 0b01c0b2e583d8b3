package dev.criconf.io;

import dev.criconf.model.CriconfException;

/**
 * An edit could not be made: the addressed node does not exist or has another shape, the new value
 * cannot be written there, the document has syntax errors, or re-parsing the result showed that
 * something besides the intended value changed. The document the edit started from is unchanged.
 */
public class EditException extends CriconfException {

    private static final long serialVersionUID = 1L;

    public EditException(String message) {
        super(message);
    }

    public EditException(String message, Throwable cause) {
        super(message, cause);
    }
}
