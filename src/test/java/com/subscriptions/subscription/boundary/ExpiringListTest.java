package com.subscriptions.subscription.boundary;

import com.subscriptions.paging.boundary.SparseFields;
import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.Page;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.platform.boundary.JsonbConfigurator;
import com.subscriptions.platform.entity.JsonP;
import com.subscriptions.subscription.control.ExpiringSubscription;
import com.subscriptions.subscription.control.SubscriptionView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin's expiring list as the API writes it, with the project's JSON-B configuration. */
class ExpiringListTest {

    private static final ExpiringSubscription ANN = new ExpiringSubscription(Samples.subscription(null),
            new ExpiringSubscription.Subscriber(42, "ann", "ann@example.com"));

    @Test
    void anOffsetPageIsTheSubscriptionsWithTheirUserThenThePaging() {
        String json = JsonbConfigurator.toJson(ExpiringList.of(page(PageRequest.offset(1, 20), 1L)));
        assertThat(json).isEqualTo("{\"subscriptions\":[" + Samples.SUBSCRIPTION_MEMBERS
                + ",\"user\":{\"id\":42,\"username\":\"ann\",\"email\":\"ann@example.com\"}}],"
                + "\"total\":1,\"page\":1,\"per_page\":20,\"pages\":1,\"next_cursor\":null,\"has_more\":false}");
    }

    @Test
    void aKeysetPageWritesItsUnknownCountsAsNullAndItsCursor() {
        PageRequest keyset = PageRequest.after(Cursor.of(Instant.parse("2024-03-31T00:00:00Z"), 3), 1);
        Page<ExpiringSubscription> page = Page.of(List.of(ANN, ANN), null, keyset, e -> e,
                e -> Cursor.of(e.subscription().currentPeriodEnd(), e.subscription().id()));
        String json = JsonbConfigurator.toJson(ExpiringList.of(page));
        assertThat(json).endsWith("}}],\"total\":null,\"page\":null,\"per_page\":1,\"pages\":null,\"next_cursor\":\""
                + page.nextCursor() + "\",\"has_more\":true}");
        assertThat(json).isEqualTo(stitchedAsBefore(page));
    }

    @Test
    void writesWhatTheResourceStitchedTogetherBefore() {
        Page<ExpiringSubscription> page = page(PageRequest.offset(2, 1), 3L);
        assertThat(JsonbConfigurator.toJson(ExpiringList.of(page))).isEqualTo(stitchedAsBefore(page));
    }

    @Test
    void fieldsCanSelectTheUser() {
        JsonObject selected = (JsonObject) SparseFields.parse("id,user", SubscriptionView.class, "user")
                .in(ExpiringList.of(page(PageRequest.offset(1, 20), 1L)), "subscriptions");
        assertThat(selected.getJsonArray("subscriptions").getJsonObject(0).toString())
                .isEqualTo("{\"id\":7,\"user\":{\"id\":42,\"username\":\"ann\",\"email\":\"ann@example.com\"}}");
    }

    private static Page<ExpiringSubscription> page(PageRequest request, Long total) {
        return Page.of(List.of(ANN), total, request, e -> e,
                e -> Cursor.of(e.subscription().currentPeriodEnd(), e.subscription().id()));
    }

    /** The JSON the resource built by hand before the typed records, kept to compare with. */
    private static String stitchedAsBefore(Page<ExpiringSubscription> expiring) {
        JsonObject list = JsonbConfigurator.toJsonObject(
                SubscriptionList.of(expiring.map(ExpiringSubscription::subscription)));
        JsonArrayBuilder items = JsonP.array();
        for (int i = 0; i < expiring.items().size(); i++) {
            items.add(JsonP.object(list.getJsonArray("subscriptions").getJsonObject(i))
                    .add("user", JsonbConfigurator.toJsonObject(expiring.items().get(i).user())));
        }
        return JsonbConfigurator.toJson(JsonP.object(list).add("subscriptions", items).build());
    }
}
