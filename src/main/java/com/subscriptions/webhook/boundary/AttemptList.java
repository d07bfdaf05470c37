package com.subscriptions.webhook.boundary;

import com.subscriptions.webhook.control.AttemptView;

import java.util.List;

/** The attempts of one delivery, oldest first. */
public record AttemptList(List<AttemptView> attempts) {
}
