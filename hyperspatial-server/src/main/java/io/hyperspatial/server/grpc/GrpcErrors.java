package io.hyperspatial.server.grpc;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.ErrorMapper;

/**
 * The one place where failures of gRPC calls become statuses. Every failure is first the
 * {@link ApiException} the HTTP API would report ({@link ErrorMapper#toApiException}), so the
 * stable code is the same in both protocols; its HTTP status picks the gRPC status code. The
 * stable code travels in the trailers ({@code hs-error-code}, with {@code hs-error-field},
 * {@code hs-error-index} and {@code hs-error-batch} when known) and as a
 * {@code google.rpc.ErrorInfo} (reason = code, domain {@value #DOMAIN}) in the status details.
 * The description is the error's message; stack traces never leave the server. Thread-safe.
 */
public final class GrpcErrors implements GrpcExceptionHandlerFunction {
    /** The domain of the {@code google.rpc.ErrorInfo} details. */
    public static final String DOMAIN = "hyperspatial.io";
    public static final Metadata.Key<String> CODE = Metadata.Key.of("hs-error-code", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> FIELD = Metadata.Key.of("hs-error-field", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> INDEX = Metadata.Key.of("hs-error-index", Metadata.ASCII_STRING_MARSHALLER);
    /** Where in a HyperQL statement the error starts: {@code line:column}, both from 1. */
    public static final Metadata.Key<String> POSITION = Metadata.Key.of("hs-error-position", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> BATCH = Metadata.Key.of("hs-error-batch", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<com.google.rpc.Status> DETAILS = Metadata.Key.of("grpc-status-details-bin",
            ProtoUtils.metadataMarshaller(com.google.rpc.Status.getDefaultInstance()));

    /** A failure of batch {@code batch} (0-based) of a streaming call. */
    static final class BatchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int batch;

        BatchFailure(int batch, Throwable cause) {
            super(cause);
            this.batch = batch;
        }
    }

    @Override
    public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
        if (cause == null || cause instanceof StatusRuntimeException || cause instanceof StatusException) {
            return status;
        }
        Integer batch = null;
        Throwable failure = cause;
        if (cause instanceof BatchFailure f) {
            batch = f.batch;
            failure = f.getCause();
        }
        ApiException e = ErrorMapper.toApiException(ctx, failure);
        String message = batch == null ? e.getMessage() : "batch " + batch + ": " + e.getMessage();
        if (batch != null) {
            metadata.put(BATCH, Integer.toString(batch));
        }
        return describe(e, message, metadata);
    }

    /** Puts {@code e}'s code and place into {@code trailers} and returns its status with {@code message}. */
    static Status describe(ApiException e, String message, Metadata trailers) {
        Status status = statusOf(e).withDescription(message);
        trailers.put(CODE, e.code());
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(e.code()).setDomain(DOMAIN);
        if (e.field() != null) {
            trailers.put(FIELD, e.field());
            info.putMetadata("field", e.field());
        }
        if (e.index() != null) {
            trailers.put(INDEX, e.index().toString());
            info.putMetadata("index", e.index().toString());
        }
        if (e.line() != null && e.column() != null) {
            trailers.put(POSITION, e.line() + ":" + e.column());
            info.putMetadata("line", e.line().toString());
            info.putMetadata("column", e.column().toString());
        }
        trailers.put(DETAILS, com.google.rpc.Status.newBuilder().setCode(status.getCode().value()).setMessage(message)
                .addDetails(Any.pack(info.build())).build());
        return status;
    }

    /** The gRPC status code of an error, from the HTTP status its stable code has. */
    static Status statusOf(ApiException e) {
        return switch (e.status().code()) {
            case 400 -> Status.INVALID_ARGUMENT;
            case 401 -> Status.UNAUTHENTICATED;
            case 403 -> Status.PERMISSION_DENIED;
            case 404 -> Status.NOT_FOUND;
            case 409 -> switch (e.code()) {
                case "collection.exists" -> Status.ALREADY_EXISTS;
                case "transaction.conflict" -> Status.ABORTED;
                default -> Status.FAILED_PRECONDITION;
            };
            case 410 -> Status.OUT_OF_RANGE;
            case 413 -> Status.RESOURCE_EXHAUSTED;
            case 503 -> switch (e.code()) {
                case ApiException.TIMEOUT, "HQL_TIMEOUT" -> Status.DEADLINE_EXCEEDED;
                case "HQL_CANCELLED" -> Status.CANCELLED;
                default -> Status.UNAVAILABLE;
            };
            default -> Status.INTERNAL;
        };
    }
}
