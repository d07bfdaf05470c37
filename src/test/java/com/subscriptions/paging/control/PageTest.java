package com.subscriptions.paging.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    private static final Function<Integer, Cursor> CURSOR = n -> Cursor.of(n, n);

    private static List<Integer> rows(int count) {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    @Test
    void pagesIsTheCeilingOfTotalOverPageSize() {
        assertThat(Page.of(List.of(), 0L, PageRequest.offset(1, 10), n -> n, CURSOR).pages()).isZero();
        assertThat(Page.of(rows(10), 10L, PageRequest.offset(1, 10), n -> n, CURSOR).pages()).isEqualTo(1);
        assertThat(Page.of(rows(10), 11L, PageRequest.offset(1, 10), n -> n, CURSOR).pages()).isEqualTo(2);
        assertThat(Page.of(rows(3), 1_000_000L, PageRequest.offset(1, 3), n -> n, CURSOR).pages()).isEqualTo(333_334);
    }

    @Test
    void anOffsetPageWithMoreAfterItPointsAtItsLastItem() {
        Page<Integer> page = Page.of(rows(10), 11L, PageRequest.offset(1, 10), n -> n, CURSOR);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.next()).isEqualTo(Cursor.of(10, 10));
        assertThat(Page.of(rows(1), 11L, PageRequest.offset(2, 10), n -> n, CURSOR).hasMore()).isFalse();
    }

    @Test
    void aKeysetPageReadsOneRowMoreToKnowWhetherMoreFollow() {
        PageRequest request = PageRequest.after(null, 3);
        assertThat(request.rowsToRead()).isEqualTo(4);
        Page<Integer> more = Page.of(rows(4), null, request, n -> n * 10, CURSOR);
        assertThat(more.items()).containsExactly(10, 20, 30);
        assertThat(more.next()).isEqualTo(Cursor.of(3, 3));
        assertThat(more.total()).isNull();
        assertThat(more.pages()).isNull();
        assertThat(more.number()).isNull();
        Page<Integer> last = Page.of(rows(3), null, request, n -> n, CURSOR);
        assertThat(last.hasMore()).isFalse();
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void offsetOfAFarPageDoesNotOverflow() {
        assertThat(PageRequest.offset(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void rejectsPagingOutsideTheContract() {
        assertThatThrownBy(() -> PageRequest.offset(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageRequest.offset(1, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
