package com.subscriptions.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies through the service's own JSON-B configuration. */
class StrictScalarsTest {

    public static class Body {
        public Boolean atPeriodEnd;
        public Integer quantity;
        public Long planId;
        public BigDecimal price;
    }

    private final Jsonb jsonb = new JsonbConfigurator().getContext(Body.class);

    @Test
    void wellTypedValuesAreRead() {
        Body body = jsonb.fromJson("{\"at_period_end\":false,\"quantity\":2147483647,\"plan_id\":9223372036854775807,"
                + "\"price\":19.99}", Body.class);
        assertThat(body.atPeriodEnd).isFalse();
        assertThat(body.quantity).isEqualTo(Integer.MAX_VALUE);
        assertThat(body.planId).isEqualTo(Long.MAX_VALUE);
        assertThat(body.price).isEqualByComparingTo("19.99");
        assertThat(jsonb.fromJson("{\"quantity\":null,\"at_period_end\":true}", Body.class).quantity).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\" 1 \"", "\"yes\"", "\"true\"", "1", "0", "[true]", "{}"})
    void aBooleanMustBeTrueOrFalse(String value) {
        assertRefusedNaming("{\"at_period_end\":" + value + "}", "at_period_end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967297", "2147483648", "-2147483649", "1.5", "1e308", "\"3\"", "[1,2]", "true"})
    void anIntegerMustBeIntegralAndInRange(String value) {
        assertRefusedNaming("{\"quantity\":" + value + "}", "quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551618", "[1, 2]", "\"2\"", "2.5", "1e180"})
    void aLongMustBeIntegralAndInRange(String value) {
        assertRefusedNaming("{\"plan_id\":" + value + "}", "plan_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "\"9.99\"", "[1]"})
    void aDecimalMustBeANumberOfSaneSize(String value) {
        assertRefusedNaming("{\"price\":" + value + "}", "price");
    }

    private void assertRefusedNaming(String json, String field) {
        assertThatThrownBy(() -> jsonb.fromJson(json, Body.class)).isInstanceOf(JsonbException.class)
                .satisfies(e -> assertThat(com.subscriptions.problem.boundary.ProblemMappers.MalformedJson.problem(e)
                        .errors()).containsOnlyKeys(field));
    }
}
