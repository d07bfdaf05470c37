package com.subscriptions.apidoc.boundary;

import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiFilterTest {

    @Test
    void membersAreNamedAsJsonbWritesThem() {
        assertThat(OpenApiFilter.snakeCase("durationMonths")).isEqualTo("duration_months");
        assertThat(OpenApiFilter.snakeCase("isPublic")).isEqualTo("is_public");
        assertThat(OpenApiFilter.snakeCase("id")).isEqualTo("id");
        assertThat(OpenApiFilter.snakeCase("next_cursor")).isEqualTo("next_cursor");
        assertThat(OpenApiFilter.snakeCase("currentPeriodEnd")).isEqualTo("current_period_end");
    }

    @Test
    void eachTagOnceKeepingTheDescribedOne() {
        List<Tag> tags = OpenApiFilter.eachOnce(List.of(tag("Admin", null), tag("Plans", "The catalogue"),
                tag("Admin", "Operating the service"), tag("Admin", null)));
        assertThat(tags).extracting(Tag::getName).containsExactly("Admin", "Plans");
        assertThat(tags).extracting(Tag::getDescription).containsExactly("Operating the service", "The catalogue");
    }

    private static Tag tag(String name, String description) {
        return (Tag) Proxy.newProxyInstance(Tag.class.getClassLoader(), new Class<?>[]{Tag.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getDescription" -> description;
                    case "toString" -> name;
                    default -> null;
                });
    }
}
