package io.streamcdp.jobs.events;

/** Why a record cannot be used as an event: a named error and a detail for people. */
public class InvalidEventException extends Exception {

    /** The dead-letter error codes, as stored in paimon.ops.dead_letters. */
    public enum Error {
        MALFORMED_JSON, MISSING_FIELD, INVALID_FIELD, UNKNOWN_VALUE, LATE, FUTURE
    }

    private final Error error;

    public InvalidEventException(Error error, String detail) {
        super(detail);
        this.error = error;
    }

    public Error error() {
        return error;
    }
}
