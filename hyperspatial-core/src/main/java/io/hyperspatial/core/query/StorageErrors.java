package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.manifold.error.ManifoldException;

import java.util.function.Supplier;

/**
 * Runs storage work on behalf of a statement and reports a manifold failure as a HyperQL error:
 * rejected input (a bad name, a value of the wrong type) as {@code HQL_TYPE_MISMATCH}, a name
 * already in use as {@code HQL_DUPLICATE_OBJECT}, anything else as {@code HQL_STORAGE}. The
 * message keeps manifold's, with its code. Stateless.
 */
final class StorageErrors {
    private StorageErrors() {
    }

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (HqlException e) {
            throw e;
        } catch (ManifoldException e) {
            throw translate(e);
        }
    }

    static void run(Runnable work) {
        translate(() -> {
            work.run();
            return null;
        });
    }

    static HqlExecutionException translate(ManifoldException e) {
        ErrorCode code = switch (e.code()) {
            case SCHEMA_CONFLICT -> ErrorCode.HQL_DUPLICATE_OBJECT;
            default -> switch (e.code().category()) {
                case INVALID_INPUT -> ErrorCode.HQL_TYPE_MISMATCH;
                default -> ErrorCode.HQL_STORAGE;
            };
        };
        return new HqlExecutionException(code, e.getMessage() + " [" + e.code().code() + "]");
    }
}
