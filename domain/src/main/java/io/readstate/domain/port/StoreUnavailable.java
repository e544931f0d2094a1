package io.readstate.domain.port;

/** A backing store could not serve the request safely; the caller may retry. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
