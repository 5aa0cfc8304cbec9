package io.streamcdp.serving;

/** A request the API refuses, with the HTTP status and the error name the client sees. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    private ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    static ApiException unauthorized() {
        return new ApiException(401, "UNAUTHORIZED", "this request needs the header Authorization: Bearer <api token>");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    static ApiException notReady(String table) {
        return new ApiException(503, "NOT_READY", "this server has not loaded " + table + " yet; see /health");
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
