package com.subscriptions.webhook.boundary;

import com.subscriptions.webhook.control.EndpointView;

import java.util.List;

/** Every webhook endpoint, oldest first. */
public record EndpointList(List<EndpointView> endpoints) {
}
