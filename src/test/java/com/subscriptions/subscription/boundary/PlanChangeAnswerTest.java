package com.subscriptions.subscription.boundary;

import com.subscriptions.platform.boundary.JsonbConfigurator;
import com.subscriptions.platform.entity.JsonP;
import com.subscriptions.subscription.control.ProrationView;
import com.subscriptions.subscription.control.SubscriptionView;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer to a plan change as the API writes it, with the project's JSON-B configuration. */
class PlanChangeAnswerTest {

    private static final ProrationView PRORATION = new ProrationView(new BigDecimal("6.45"),
            new BigDecimal("19.35"), new BigDecimal("12.90"), "USD");

    @Test
    void aProratedChangeIsTheSubscriptionThenItsProration() {
        assertThat(JsonbConfigurator.toJson(new PlanChangeAnswer(Samples.subscription(null), PRORATION)))
                .isEqualTo(Samples.SUBSCRIPTION_MEMBERS
                        + ",\"proration\":{\"credit\":6.45,\"charge\":19.35,\"net\":12.90,\"currency\":\"USD\"}}");
    }

    @Test
    void aChangeWithoutProrationWritesProrationAsNull() {
        assertThat(JsonbConfigurator.toJson(new PlanChangeAnswer(Samples.subscription(null), null)))
                .isEqualTo(Samples.SUBSCRIPTION_MEMBERS + ",\"proration\":null}");
    }

    @Test
    void writesWhatTheResourceStitchedTogetherBefore() {
        for (ProrationView proration : new ProrationView[] {PRORATION, null}) {
            SubscriptionView subscription = Samples.subscription(proration == null ? 5L : null);
            assertThat(JsonbConfigurator.toJson(new PlanChangeAnswer(subscription, proration)))
                    .isEqualTo(stitchedAsBefore(subscription, proration));
        }
    }

    /** The JSON the resource built by hand before the typed record, kept to compare with. */
    private static String stitchedAsBefore(SubscriptionView subscription, ProrationView proration) {
        return JsonbConfigurator.toJson(JsonP.object(JsonbConfigurator.toJsonObject(subscription))
                .add("proration", proration == null ? JsonValue.NULL : JsonbConfigurator.toJsonObject(proration))
                .build());
    }
}
