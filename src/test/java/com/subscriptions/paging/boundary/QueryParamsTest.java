package com.subscriptions.paging.boundary;

import com.subscriptions.paging.control.Cursor;
import com.subscriptions.paging.control.PageRequest;
import com.subscriptions.plan.entity.PlanStatus;
import com.subscriptions.platform.entity.CodedEnum;
import com.subscriptions.platform.entity.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    @Test
    void absentPagingTakesTheContractDefaults() {
        assertThat(QueryParams.page(null, null, null)).isEqualTo(PageRequest.offset(1, 10));
        assertThat(QueryParams.page("", " ", null)).isEqualTo(PageRequest.offset(1, 10));
    }

    @Test
    void givenPagingIsParsed() {
        assertThat(QueryParams.page("3", "100", null)).isEqualTo(PageRequest.offset(3, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "1.5", "99999999999"})
    void invalidPageNamesThePageParameter(String page) {
        assertThatThrownBy(() -> QueryParams.page(page, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).containsOnlyKeys("page");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "ten"})
    void perPageIsBetweenOneAndAHundred(String perPage) {
        assertThatThrownBy(() -> QueryParams.page("1", perPage, null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("per_page"));
    }

    @Test
    void aCursorSelectsKeysetPagingAndAnEmptyOneStartsAtTheTop() {
        Cursor cursor = Cursor.of(Instant.parse("2026-11-27T09:00:00.123456Z"), 42);
        assertThat(QueryParams.page(null, "5", cursor.encode())).isEqualTo(PageRequest.after(cursor, 5));
        assertThat(QueryParams.page(null, null, "")).isEqualTo(PageRequest.after(null, 10));
    }

    @Test
    void aCursorIsNotCombinedWithAPageNumber() {
        assertThatThrownBy(() -> QueryParams.page("2", null, ""))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("page"));
    }

    @Test
    void booleansAcceptTrueFalseAndTheirDigits() {
        assertThat(QueryParams.bool("b", null, true)).isTrue();
        assertThat(QueryParams.bool("b", "FALSE", true)).isFalse();
        assertThat(QueryParams.bool("b", "1", false)).isTrue();
        assertThatThrownBy(() -> QueryParams.bool("public_only", "yes please", true))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).containsEntry("public_only", "must be true or false"));
    }

    @Test
    void codesAreParsedToTheirEnumAndUnknownOnesListTheAllowedValues() {
        assertThat(CodedEnum.parse("status", "deprecated", PlanStatus.class)).isEqualTo(PlanStatus.DEPRECATED);
        assertThat(CodedEnum.parse("status", null, PlanStatus.class)).isNull();
        assertThatThrownBy(() -> CodedEnum.parse("status", "ACTIVE", PlanStatus.class))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsEntry("status", "must be one of active, inactive, deprecated"));
    }
}
