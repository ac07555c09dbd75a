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
            Role role = ctx.attr(Authenticator.ROLE);
            if (role == null || !role.includes(required)) {
                throw new ApiException(HttpStatus.FORBIDDEN, ApiException.FORBIDDEN, "this operation needs the '"
                        + required.displayName() + "' role; the API key has '"
                        + (role == null ? "none" : role.displayName()) + "'");
            }
            return service.serve(ctx, req);
        });
    }
}
