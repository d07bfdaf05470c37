package com.subscriptions.paging.control;

import com.subscriptions.platform.entity.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void survivesTheRoundTripWithMicrosecondsAndIsUrlSafe() {
        Cursor cursor = Cursor.of(Instant.parse("2026-11-27T09:00:00.123456Z"), 9_007_199_254_740_993L);
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        Cursor back = Cursor.decode(text);
        assertThat(back).isEqualTo(cursor);
        assertThat(back.key(Instant.class)).isEqualTo(Instant.parse("2026-11-27T09:00:00.123456Z"));
    }

    @Test
    void anIntegerKeyReadsAsAnInteger() {
        assertThat(Cursor.decode(Cursor.of(7, 3).encode()).key(Integer.class)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "bm8tYmFy", "fDE"})
    void textThatIsNotACursorIsRefused(String text) {
        assertThatThrownBy(() -> Cursor.decode(text)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("cursor"));
    }

    @Test
    void aCursorOfAnotherListIsRefusedWhenItsKeyIsRead() {
        String integerKeyed = Cursor.of(7, 3).encode();
        assertThatThrownBy(() -> Cursor.decode(integerKeyed).key(Instant.class))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("cursor"));
        String textKey = Base64.getUrlEncoder().encodeToString("abc|5".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Cursor.decode(textKey).key(Integer.class)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("cursor"));
    }
}
