package com.subscriptions.sampledata;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated data set follows contract §5, whatever the number of users. */
class DistributionTest {

    private static final long NOW = LocalDateTime.of(2026, 11, 27, 12, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int USERS = 2_000;

    private final List<Object[]> users = new ArrayList<>();
    private final List<Object[]> subscriptions = new ArrayList<>();
    private final List<Object[]> events = new ArrayList<>();

    private void generate() {
        List<SamplePlans.Plan> plans = List.of(new SamplePlans.Plan(1, 1), new SamplePlans.Plan(2, 1),
                new SamplePlans.Plan(3, 1), new SamplePlans.Plan(4, 12), new SamplePlans.Plan(5, 12));
        Distribution distribution = new Distribution(NOW, plans, "shared-hash");
        for (long number = 1; number <= USERS; number++) {
            distribution.addSubscriber(number, 1000 + number, 5000 + number, users, subscriptions, events);
        }
    }

    private static long seconds(Object literal) {
        return LocalDateTime.parse(((String) literal).replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
    }

    private static <K> Map<K, Long> count(List<Object[]> rows, Function<Object[], K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Test
    void spreadsUsersAsTheContractSays() {
        generate();
        assertThat(users).hasSize(USERS).allSatisfy(user -> assertThat(user[3]).isEqualTo("shared-hash"));
        assertThat(count(subscriptions, s -> s[2])).containsOnlyKeys(1L, 2L, 3L, 4L, 5L)
                .allSatisfy((plan, n) -> assertThat(n).isEqualTo(USERS / 5));
        long expiring = subscriptions.stream().filter(s -> "active".equals(s[3])
                && seconds(s[8]) > NOW && seconds(s[8]) <= NOW + 7 * UtcTimes.DAY).count();
        long expiringWithoutRenewal = subscriptions.stream().filter(s -> "active".equals(s[3])
                && seconds(s[8]) <= NOW + 7 * UtcTimes.DAY && Boolean.FALSE.equals(s[10])).count();
        long registeredLastWeek = users.stream().filter(u -> seconds(u[4]) >= NOW - 7 * UtcTimes.DAY).count();
        long canceledLastTwoWeeks = subscriptions.stream().filter(s -> "canceled".equals(s[3])
                && seconds(s[6]) >= NOW - 14 * UtcTimes.DAY).count();
        assertThat(expiring).isEqualTo(USERS * 20 / 100);
        assertThat(expiringWithoutRenewal).isEqualTo(USERS * 10 / 100);
        assertThat(registeredLastWeek).isEqualTo(USERS * 15 / 100);
        assertThat(canceledLastTwoWeeks).isEqualTo(USERS * 10 / 100);
        assertThat(count(subscriptions, s -> s[3])).containsOnlyKeys("active", "canceled");
    }

    @Test
    void everySubscriptionHasItsEventsAsTheServiceWritesThem() {
        generate();
        assertThat(count(events, e -> e[2])).containsEntry("subscribed", (long) USERS)
                .containsEntry("canceled", (long) USERS * 10 / 100);
        assertThat(events).allSatisfy(e -> assertThat(subscriptions.stream().anyMatch(s -> s[0].equals(e[0])
                && s[1].equals(e[1]))).isTrue());
    }

    @Test
    void theSameNumberAlwaysGivesTheSameRows() {
        generate();
        List<Object[]> first = new ArrayList<>(subscriptions);
        subscriptions.clear();
        generate();
        assertThat(subscriptions).hasSize(USERS).zipSatisfy(first,
                (again, before) -> assertThat(again).isEqualTo(before));
    }

    @Test
    void theSharedHashIsTheServicesPbkdf2FormatAndVerifies() throws Exception {
        String stored = SoteriaPasswordHash.of(SampleData.PASSWORD);
        String[] parts = stored.split(":");
        assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(parts[1]).isEqualTo("600000");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] recomputed = SecretKeyFactory.getInstance(parts[0]).generateSecret(new PBEKeySpec(
                SampleData.PASSWORD.toCharArray(), salt, 600_000, 256)).getEncoded();
        assertThat(Arrays.equals(recomputed, Base64.getDecoder().decode(parts[3]))).isTrue();
        assertThat(salt).hasSize(32);
    }
}
