package com.subscriptions.paging.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PagedQueryTest {

    private static PagedQuery history() {
        return PagedQuery.select("s.id", "subscriptions", "s").join("JOIN plans p ON p.id = s.plan_id")
                .where("s.user_id = ?", 7L)
                .orderBy("s.created_at", "s.id", true, cursor -> cursor.key(Instant.class));
    }

    @Test
    void anOffsetPageCarriesItsTotalCountedOnTheDrivingTableAlone() {
        PagedQuery query = history();
        assertThat(query.pageQuery(PageRequest.offset(2, 10))).isEqualTo("SELECT s.id, "
                + "(SELECT COUNT(*) FROM subscriptions counted WHERE counted.user_id = ?) AS total "
                + "FROM subscriptions s JOIN plans p ON p.id = s.plan_id WHERE s.user_id = ? "
                + "ORDER BY s.created_at DESC, s.id DESC");
        assertThat(query.pageParameters(PageRequest.offset(2, 10))).containsExactly(7L, 7L);
        assertThat(query.countQuery()).isEqualTo("SELECT COUNT(*) FROM subscriptions counted WHERE counted.user_id = ?");
    }

    @Test
    void aTotalGivenAsAnExpressionReplacesTheCountWithItsOwnParameters() {
        PagedQuery query = history().totalAs("(SELECT SUM(n) FROM counts WHERE user_id = ?)", List.of(8L));
        assertThat(query.pageQuery(PageRequest.offset(1, 10))).doesNotContain("COUNT")
                .startsWith("SELECT s.id, (SELECT SUM(n) FROM counts WHERE user_id = ?) AS total FROM ");
        assertThat(query.pageParameters(PageRequest.offset(1, 10))).containsExactly(8L, 7L);
        assertThat(query.countQuery() + " " + query.countParameters())
                .isEqualTo("SELECT (SELECT SUM(n) FROM counts WHERE user_id = ?) [8]");
    }

    @Test
    void aUniqueSortKeyNeedsNoIdAfterIt() {
        PagedQuery users = PagedQuery.select("u.id", "users", "u").orderByUnique("u.username", false, Cursor::key);
        PageRequest after = PageRequest.after(new Cursor("ann", 3), 10);
        assertThat(users.pageQuery(after)).isEqualTo("SELECT u.id FROM users u WHERE u.username > ? "
                + "ORDER BY u.username");
        assertThat(users.pageParameters(after)).containsExactly("ann");
    }

    @Test
    void aKeysetPageStartsAfterTheCursorAndCountsNothing() {
        Instant key = Instant.parse("2026-11-27T09:00:00.5Z");
        PageRequest after = PageRequest.after(Cursor.of(key, 40), 10);
        assertThat(history().pageQuery(after)).isEqualTo("SELECT s.id FROM subscriptions s "
                + "JOIN plans p ON p.id = s.plan_id WHERE s.user_id = ? "
                + "AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?)) ORDER BY s.created_at DESC, s.id DESC");
        assertThat(history().pageParameters(after)).containsExactly(7L, key, key, 40L);
    }

    @Test
    void onlyTheDrivingAliasIsRenamedInTheCount() {
        PagedQuery users = PagedQuery.select("u.id", "users", "u")
                .where("EXISTS (SELECT 1 FROM subscriptions us WHERE us.user_id = u.id)")
                .orderBy("u.username", "u.id", false, cursor -> cursor.key());
        assertThat(users.countQuery()).isEqualTo("SELECT COUNT(*) FROM users counted "
                + "WHERE EXISTS (SELECT 1 FROM subscriptions us WHERE us.user_id = counted.id)");
    }

    @Test
    void anAscendingListContinuesUpwards() {
        PagedQuery plans = PagedQuery.select("p.id", "plans", "p")
                .orderBy("p.sort_order", "p.id", false, cursor -> cursor.key(Integer.class));
        assertThat(plans.pageQuery(PageRequest.after(Cursor.of(3, 9), 5))).isEqualTo("SELECT p.id FROM plans p "
                + "WHERE (p.sort_order > ? OR (p.sort_order = ? AND p.id > ?)) ORDER BY p.sort_order, p.id");
        assertThat(plans.pageQuery(PageRequest.after(null, 5))).isEqualTo("SELECT p.id FROM plans p "
                + "ORDER BY p.sort_order, p.id");
    }
}
