package com.subscriptions.platform.boundary;

import com.subscriptions.platform.entity.NotAuthenticated;
import com.subscriptions.platform.entity.NotPermitted;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource methods, the same on every
 * server: no caller is 401, a caller without the role 403. Payara's Jersey does this too; WildFly's RESTEasy does
 * not unless switched on, and then answers 403 where no one is logged in.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        List<String> roles = requiredRoles(resource);
        if (roles != null) {
            context.register(new Filter(roles));
        }
    }

    /** The roles a method needs (empty: nobody may call it), or null when anyone may; the method's rule wins. */
    static List<String> requiredRoles(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return rule(hasRule(method) ? method : resource.getResourceClass());
    }

    private static boolean hasRule(AnnotatedElement element) {
        return element.isAnnotationPresent(DenyAll.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(RolesAllowed.class);
    }

    private static List<String> rule(AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : List.of(allowed.value());
    }

    @Priority(Priorities.AUTHORIZATION)
    private record Filter(List<String> roles) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw new NotAuthenticated("This route needs an access token");
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                throw new NotPermitted("This route needs the role " + String.join(" or ", roles));
            }
        }
    }
}
