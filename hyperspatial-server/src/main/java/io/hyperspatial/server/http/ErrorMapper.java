package io.hyperspatial.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.manifold.error.ManifoldException;

import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become responses: {@code {"error": {"code", "message", ...}}}
 * with the status of the code. Handles the server's {@link ApiException}s, manifold's errors
 * (status by {@link io.hyperspatial.manifold.error.ErrorCode.Category}), Armeria's own refusals
 * (no route, wrong method, body too large, timeout) and anything unexpected, which is logged
 * with its stack trace and answered with a bare 500: no stack trace or exception text ever
 * reaches a client. Thread-safe.
 */
public final class ErrorMapper implements ServerErrorHandler {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        Throwable t = unwrap(cause);
        if (t instanceof HttpStatusException) {
            return null;
        }
        ApiException e = toApiException(ctx, t);
        return render(e).toHttpResponse();
    }

    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config, RequestHeaders headers,
                                               HttpStatus status, String description, Throwable cause) {
        Throwable t = cause == null ? null : unwrap(cause);
        if (t instanceof ContentTooLargeException || status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            return render(tooLarge(t));
        }
        String what = headers.method() + " " + headers.path();
        ApiException e = switch (status.code()) {
            case 404 -> new ApiException(status, ApiException.NO_ROUTE, "no such endpoint: " + what);
            case 405 -> new ApiException(status, ApiException.METHOD_NOT_ALLOWED, "method not allowed: " + what);
            case 503 -> t instanceof RequestTimeoutException
                    ? new ApiException(status, ApiException.TIMEOUT, "the request took longer than the server's timeout")
                    : new ApiException(status, "unavailable", "the server cannot serve " + what + " now");
            default -> status.isServerError()
                    ? new ApiException(status, ApiException.INTERNAL, "internal error; see the server log")
                    : new ApiException(status, ApiException.INVALID_REQUEST,
                            description != null ? description : status.reasonPhrase());
        };
        return render(e);
    }

    /**
     * The {@link ApiException} a failure is reported as, whatever the protocol; anything
     * unexpected is logged here with its stack trace and becomes a bare {@link ApiException#INTERNAL}.
     */
    public static ApiException toApiException(RequestContext ctx, Throwable cause) {
        return switch (unwrap(cause)) {
            case ApiException api -> api;
            case HqlException h -> ApiException.query(h);
            case ManifoldException m -> new ApiException(ApiException.statusOf(m.code()), m.code().code(), m.getMessage());
            case ContentTooLargeException tooLarge -> tooLarge(tooLarge);
            case RequestTimeoutException timeout -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ApiException.TIMEOUT,
                    "the request took longer than the server's timeout");
            case Throwable t -> {
                LOG.log(Level.WARNING, "unexpected failure serving " + ctx.method() + " " + ctx.path(), t);
                yield new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ApiException.INTERNAL,
                        "internal error; see the server log");
            }
        };
    }

    private static ApiException tooLarge(Throwable t) {
        String limit = t instanceof ContentTooLargeException c && c.maxContentLength() > 0
                ? " of " + c.maxContentLength() + " bytes" : "";
        return new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, ApiException.TOO_LARGE,
                "the request body is larger than the server's limit" + limit);
    }

    /** The error body of {@code e}. */
    static AggregatedHttpResponse render(ApiException e) {
        ObjectNode error = Json.object();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (e.field() != null) {
            error.put("field", e.field());
        }
        if (e.index() != null) {
            error.put("index", e.index());
        }
        if (e.line() != null) {
            error.put("line", e.line());
            error.put("column", e.column());
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return AggregatedHttpResponse.of(e.status(), MediaType.JSON_UTF_8, Json.bytes(body));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
