package com.subscriptions.webhook.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryBatchTest {

    @Test
    void anEndpointsDueDeliveriesAreSplitEvenlyOverItsFreeLanesInTheirOrder() {
        assertThat(DeliveryBatch.split(List.of(1L, 2L, 3L, 4L, 5L), 2)).containsExactly(List.of(1L, 2L, 3L),
                List.of(4L, 5L));
        assertThat(DeliveryBatch.split(List.of(1L, 2L, 3L, 4L, 5L, 6L), 3)).containsExactly(List.of(1L, 2L),
                List.of(3L, 4L), List.of(5L, 6L));
        assertThat(DeliveryBatch.split(List.of(1L, 2L, 3L), 1)).containsExactly(List.of(1L, 2L, 3L));
    }

    @Test
    void fewerDeliveriesThanLanesTakeALaneEachAndNoneTakesNone() {
        assertThat(DeliveryBatch.split(List.of(7L), 2)).containsExactly(List.of(7L));
        assertThat(DeliveryBatch.split(List.of(), 2)).isEmpty();
    }
}
