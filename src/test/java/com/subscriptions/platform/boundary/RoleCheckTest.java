package com.subscriptions.platform.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCheckTest {

    @RolesAllowed("admin")
    static class AdminOnly {
        public void inherits() {
        }

        @PermitAll
        public void open() {
        }

        @RolesAllowed({"user", "admin"})
        public void users() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Unannotated {
        public void anything() {
        }
    }

    private static List<String> roles(Class<?> type, String method) throws NoSuchMethodException {
        Method resourceMethod = type.getMethod(method);
        return RoleCheck.requiredRoles(new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return resourceMethod;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        });
    }

    @Test
    void theMethodsRuleWinsOverTheClasss() throws Exception {
        assertThat(roles(AdminOnly.class, "inherits")).containsExactly("admin");
        assertThat(roles(AdminOnly.class, "open")).isNull();
        assertThat(roles(AdminOnly.class, "users")).containsExactly("user", "admin");
        assertThat(roles(AdminOnly.class, "closed")).isEmpty();
    }

    @Test
    void noRuleMeansAnyoneMayCall() throws Exception {
        assertThat(roles(Unannotated.class, "anything")).isNull();
    }
}
