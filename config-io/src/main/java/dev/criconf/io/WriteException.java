package dev.criconf.io;

import dev.criconf.model.CriconfException;
import java.util.Objects;

/**
 * A file was not written. Whatever the reason, the file on disk is as it was before the attempt
 * and no temporary file is left behind (unless the failure was in removing it, which the message
 * then says).
 */
public class WriteException extends CriconfException {

    private static final long serialVersionUID = 1L;

    /** Why a write was refused or failed. */
    public enum Reason {
        /** The document has problems ({@link SyntaxDocument#hasErrors()}); writing it would store broken configuration. */
        DOCUMENT_HAS_ERRORS,
        /** The file is not what the caller read: someone changed, created or removed it since. */
        CHANGED_ON_DISK,
        /** The target exists but is a directory, device or other non-regular file. */
        NOT_A_REGULAR_FILE,
        /** An I/O operation failed (permissions, disk full, missing directory, ...). */
        IO_FAILURE
    }

    private final Reason reason;

    /** A refusal or failure without an underlying exception. */
    public WriteException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A failure caused by another exception, typically an {@link java.io.IOException}. */
    public WriteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the write did not happen, for callers that react differently (e.g. re-read on CHANGED_ON_DISK). */
    public Reason reason() {
        return reason;
    }
}
