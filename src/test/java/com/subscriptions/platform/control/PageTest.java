package com.subscriptions.platform.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void pagesIsTheCeilingOfTotalOverPageSize() {
        assertThat(new Page<>(List.of(), 0, new PageRequest(1, 10)).pages()).isZero();
        assertThat(new Page<>(List.of(), 10, new PageRequest(1, 10)).pages()).isEqualTo(1);
        assertThat(new Page<>(List.of(), 11, new PageRequest(1, 10)).pages()).isEqualTo(2);
        assertThat(new Page<>(List.of(), 1_000_000, new PageRequest(1, 3)).pages()).isEqualTo(333_334);
    }

    @Test
    void offsetOfAFarPageDoesNotOverflow() {
        assertThat(new PageRequest(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void rejectsPagingOutsideTheContract() {
        assertThatThrownBy(() -> new PageRequest(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(1, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
