package com.subscriptions.webhook.boundary;

import com.subscriptions.webhook.control.DeliveryView;

import java.util.List;

/** Deliveries of an endpoint (newest first) or of one event. */
public record DeliveryList(List<DeliveryView> deliveries) {
}
