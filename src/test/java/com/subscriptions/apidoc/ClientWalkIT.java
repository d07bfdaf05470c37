package com.subscriptions.apidoc;

import com.subscriptions.ApiClient;
import com.subscriptions.IntegrationTest;
import com.subscriptions.client.ApiException;
import com.subscriptions.client.api.AuthApi;
import com.subscriptions.client.api.PlansApi;
import com.subscriptions.client.api.SubscriptionsApi;
import com.subscriptions.client.model.CancelRequest;
import com.subscriptions.client.model.ChangePlanRequest;
import com.subscriptions.client.model.LoginResponse;
import com.subscriptions.client.model.LoginRequest;
import com.subscriptions.client.model.PlanChange;
import com.subscriptions.client.model.PlanView;
import com.subscriptions.client.model.RegisterRequest;
import com.subscriptions.client.model.SubscribeRequest;
import com.subscriptions.client.model.SubscriptionList;
import com.subscriptions.client.model.SubscriptionView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's walk through the client that openapi-generator built from the OpenAPI document (build time, see
 * pom.xml): typed requests and answers, no hand-written HTTP. The client's only settings are its base URI and two
 * headers: the bearer token, and a client address of its own for the rate limits.
 */
class ClientWalkIT extends IntegrationTest {

    private static final String PASSWORD = "Walk-the-Generated-Client-7";

    private final AtomicReference<String> bearer = new AtomicReference<>();
    private final com.subscriptions.client.ApiClient client = new com.subscriptions.client.ApiClient()
            .setRequestInterceptor(request -> {
                request.header("X-Forwarded-For", "10.77." + (int) (Math.random() * 250) + ".9");
                if (bearer.get() != null) {
                    request.header("Authorization", "Bearer " + bearer.get());
                }
            });
    private final AuthApi auth;
    private final PlansApi plans;
    private final SubscriptionsApi subscriptions;

    ClientWalkIT() {
        client.updateBaseUri(ApiClient.BASE_URI);
        auth = new AuthApi(client);
        plans = new PlansApi(client);
        subscriptions = new SubscriptionsApi(client);
    }

    @Test
    void registerLogInSubscribeChangeReadCancelRefreshLogOut() throws ApiException {
        String username = "walker" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(auth.register("v1", new RegisterRequest().username(username).email(username + "@example.com")
                .password(PASSWORD)).getUsername()).isEqualTo(username);
        LoginResponse tokens = auth.login("v1", new LoginRequest().username(username).password(PASSWORD));
        assertThat(tokens.getTokenType()).isEqualToIgnoringCase("bearer");
        bearer.set(tokens.getAccessToken());

        List<PlanView> paid = plans.listPlans("v1", null, "100", null, null, null, null).getPlans().stream()
                .filter(plan -> plan.getPrice().signum() > 0 && plan.getTrialDays() != null && plan.getTrialDays() == 0)
                .sorted(Comparator.comparing(PlanView::getPrice)).toList();
        assertThat(paid).as("two paid plans without a trial").hasSizeGreaterThanOrEqualTo(2);
        BigDecimal basic = paid.get(0).getId();
        BigDecimal higher = paid.get(paid.size() - 1).getId();

        String key = UUID.randomUUID().toString();
        SubscriptionView subscribed = subscriptions.subscribe("v1", new SubscribeRequest().planId(basic), key);
        assertThat(subscribed.getPlanId()).isEqualByComparingTo(basic);
        assertThat(subscriptions.subscribe("v1", new SubscribeRequest().planId(basic), key).getId())
                .as("a retry with the same Idempotency-Key answers the same subscription").isEqualTo(subscribed.getId());

        for (String version : List.of("v1", "v2", "v3")) {
            assertThat(subscriptions.getActiveSubscription(version, null).getId()).as(version)
                    .isEqualTo(subscribed.getId());
        }

        PlanChange changed = subscriptions.changePlan("v1", new ChangePlanRequest().planId(higher),
                UUID.randomUUID().toString());
        assertThat(changed.getPlanId()).isEqualByComparingTo(higher);
        assertThat(subscriptions.getActiveSubscription("v3", null).getPlanId()).isEqualByComparingTo(higher);

        SubscriptionList history = subscriptions.getHistory("v2", null, "10", null, null, null, "", null);
        assertThat(history.getSubscriptions()).extracting(SubscriptionView::getId).contains(subscribed.getId());
        assertThat(history.getTotal()).as("keyset mode counts nothing").isNull();

        SubscriptionView canceled = subscriptions.cancelSubscription("v1", UUID.randomUUID().toString(),
                new CancelRequest().atPeriodEnd(true));
        assertThat(canceled.getCancelAtPeriodEnd()).isTrue();

        bearer.set(tokens.getRefreshToken());
        String access = auth.refreshTokens("v1").getAccessToken();
        assertThat(access).isNotBlank().isNotEqualTo(tokens.getAccessToken());
        bearer.set(access);
        auth.logout("v1");
        assertThatThrownBy(() -> subscriptions.getActiveSubscription("v1", null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(401));
    }
}
