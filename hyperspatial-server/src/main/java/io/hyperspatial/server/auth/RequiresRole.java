package io.hyperspatial.server.auth;

import com.linecorp.armeria.server.annotation.DecoratorFactory;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The least role a handler method needs; checked by {@link RoleCheck} after {@link Authenticator}. */
@DecoratorFactory(RoleCheck.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
