package com.subscriptions.webhook.boundary;

import com.subscriptions.platform.control.Unwrapped;
import com.subscriptions.webhook.control.EndpointView;

/** An endpoint with its signing secret ({@code whsec_…}), answered once: on creation and on rotation. */
public record EndpointWithSecret(@Unwrapped EndpointView endpoint, String secret) {
}
