package tcptutor.progress;

import java.nio.file.Path;

/** The progress store could not be read or written: the message names the file and what failed. */
public final class StoreException extends RuntimeException {
    private StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static StoreException of(Path file, String what, Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new StoreException("progress store " + file + ": " + what + ": " + why, cause);
    }
}
