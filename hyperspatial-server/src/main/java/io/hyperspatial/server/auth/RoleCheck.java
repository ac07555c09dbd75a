package io.hyperspatial.server.auth;

import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.annotation.DecoratorFactoryFunction;
import io.hyperspatial.server.http.ApiException;

import java.util.function.Function;

/**
 * Enforces {@link RequiresRole}: a caller whose role (set by {@link Authenticator}) does not
 * include the required one gets a 403 naming both. Stateless; Armeria instantiates it.
 */
public final class RoleCheck implements DecoratorFactoryFunction<RequiresRole> {
    @Override
    public Function<? super HttpService, ? extends HttpService> newDecorator(RequiresRole parameter) {
        Role required = parameter.value();
        return delegate -> delegate.decorate((service, ctx, req) -> {
            require(ctx.attr(Authenticator.ROLE), required);
            return service.serve(ctx, req);
        });
    }

    /**
     * Refuses a caller of {@code role} (null if unknown) an operation that needs {@code required},
     * with a 403 {@link ApiException#FORBIDDEN} naming both.
     */
    public static void require(Role role, Role required) {
        if (role == null || !role.includes(required)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "this operation needs the '"
                    + required.displayName() + "' role; the API key has '"
                    + (role == null ? "none" : role.displayName()) + "'");
        }
    }
}
