package com.subscriptions.paging.boundary;

import com.subscriptions.platform.entity.InvalidInput;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparseFieldsTest {

    public record Item(long id, String displayName, int sortOrder) {
    }

    public record Items(List<Item> items, long total) {
    }

    @Test
    void keepsTheSelectedFieldsOfEachItemAndTheEnvelope() {
        Items items = new Items(List.of(new Item(1, "a", 2), new Item(2, "b", 1)), 2);
        JsonObject selected = (JsonObject) SparseFields.parse("id, sort_order", Item.class).in(items, "items");
        assertThat(selected.getInt("total")).isEqualTo(2);
        assertThat(selected.getJsonArray("items").getJsonObject(1)).containsOnlyKeys("id", "sort_order");
        assertThat(selected.getJsonArray("items").getJsonObject(1).getInt("sort_order")).isEqualTo(1);
    }

    @Test
    void withoutFieldsTheAnswerIsUntouched() {
        Item item = new Item(1, "a", 2);
        assertThat(SparseFields.parse(null, Item.class).of(item)).isSameAs(item);
        assertThat(SparseFields.parse(" ", Item.class).of(item)).isSameAs(item);
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        assertThatThrownBy(() -> SparseFields.parse("id,displayName,colour", Item.class))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).containsOnlyKeys("fields");
                    assertThat(e.errors().get("fields")).contains("displayName, colour")
                            .contains("display_name");
                });
    }

    @Test
    void extraMembersCanBeSelected() {
        assertThat(SparseFields.parse("user", Item.class, "user")).isNotNull();
    }
}
