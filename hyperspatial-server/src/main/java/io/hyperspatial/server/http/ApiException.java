package io.hyperspatial.server.http;

import com.linecorp.armeria.common.HttpStatus;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;

/**
 * A request the server refuses, with the HTTP status and the stable error code it is reported
 * with ({@link ErrorMapper} renders it as {@code {"error": {...}}}). Codes are part of the API:
 * the server's own (below) and manifold's {@link ErrorCode}s, which keep their string form when
 * a batch item wraps them. {@code field} names the part of the input at fault, e.g.
 * {@code entities[3].properties.age}; {@code index} is the batch item, when there is one.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The body is not JSON (or not UTF-8): 400, with line and column. */
    public static final String MALFORMED_JSON = "request.malformed_json";
    /** A field is missing, of the wrong JSON type or out of range: 400. */
    public static final String INVALID_REQUEST = "request.invalid";
    /** The body is larger than the configured limit: 413. */
    public static final String TOO_LARGE = "request.too_large";
    /** No such route: 404. */
    public static final String NO_ROUTE = "request.no_route";
    /** The route exists, the method does not: 405. */
    public static final String METHOD_NOT_ALLOWED = "request.method_not_allowed";
    /** The request took longer than the server's request timeout: 503. */
    public static final String TIMEOUT = "request.timeout";
    /** No API key was sent: 401. */
    public static final String MISSING_KEY = "auth.missing_key";
    /** The API key sent is not known: 401. */
    public static final String UNKNOWN_KEY = "auth.unknown_key";
    /** The key's role does not allow the operation: 403. */
    public static final String FORBIDDEN = "auth.forbidden";
    /** The collection is frozen and refuses writes, schema changes and drops: 409. */
    public static final String FROZEN = "collection.frozen";
    /** {@code wait_for_index} waited longer than the server allows: 503. */
    public static final String INDEX_BEHIND = "index.behind";
    /** A collection already has a positioning job queued or running: 409. */
    public static final String JOB_RUNNING = "positioning.job_running";
    /** A collection has had no positioning job since the server started: 404. */
    public static final String NO_JOB = "positioning.no_job";
    /** Anything unexpected; the message says no more than that: 500. */
    public static final String INTERNAL = "internal";

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Integer index;
    private final Integer line;
    private final Integer column;

    private ApiException(HttpStatus status, String code, String message, String field, Integer index,
                         Integer line, Integer column, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.field = field;
        this.index = index;
        this.line = line;
        this.column = column;
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null, null, null, null, null);
    }

    /** A 400 {@link #INVALID_REQUEST} about {@code field}. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, INVALID_REQUEST, message, field, null, null, null, null);
    }

    /** A 400 {@link #MALFORMED_JSON} at a place in the body. */
    public static ApiException malformed(String message, int line, int column) {
        return new ApiException(HttpStatus.BAD_REQUEST, MALFORMED_JSON, message, null, null, line, column, null);
    }

    /**
     * A database error about the input at {@code path} ({@code entities[3].vectors.emb}), part of
     * batch item {@code index} (null if none): keeps the error's code and status, and prefixes its
     * message with the path.
     */
    public static ApiException at(String path, Integer index, ManifoldException e) {
        return new ApiException(statusOf(e.code()), e.code().code(), path + ": " + e.getMessage(), path, index,
                null, null, e);
    }

    /**
     * A HyperQL statement that failed: its code ({@code HQL_SYNTAX}…) and, where known, the line
     * and column in the statement text. A storage failure is a 500, anything else the statement's
     * fault, a 400.
     */
    public static ApiException query(HqlException e) {
        String message = e.getMessage();
        SourcePosition at = e.position();
        if (at != null && message.endsWith(" at " + at)) {
            message = message.substring(0, message.length() - (" at " + at).length());
        }
        HttpStatus status = switch (e.code()) {
            case HQL_STORAGE -> HttpStatus.INTERNAL_SERVER_ERROR;
            case HQL_TIMEOUT, HQL_CANCELLED -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_REQUEST;
        };
        return new ApiException(status, e.code().code(), message, null, null,
                at == null ? null : at.line(), at == null ? null : at.column(), e);
    }

    /** Item {@code index} of a batch is invalid before it reaches the database. */
    public static ApiException forItem(int index, ApiException e) {
        return new ApiException(e.status, e.code, e.getMessage(), e.field, index, e.line, e.column, e);
    }

    /** The HTTP status of a manifold error code, by its category. */
    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.category()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The input field at fault, or null. */
    public String field() {
        return field;
    }

    /** The batch item at fault, or null. */
    public Integer index() {
        return index;
    }

    /** Line of a JSON syntax error, or null. */
    public Integer line() {
        return line;
    }

    /** Column of a JSON syntax error, or null. */
    public Integer column() {
        return column;
    }
}
