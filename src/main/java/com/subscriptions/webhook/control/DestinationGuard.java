package com.subscriptions.webhook.control;

import com.subscriptions.platform.control.IpBlocks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from being aimed inside the network (SSRF): a URL must be https (http only if allowed), carry no
 * credentials, and every address its host resolves to must be public — not loopback, private, link-local (the
 * cloud metadata service at 169.254.169.254 among them), carrier-grade NAT, unique-local, multicast or unspecified —
 * unless it is in the allowed addresses. Checked when an endpoint is saved and again before each delivery (a name
 * may resolve elsewhere by then).
 */
public final class DestinationGuard {

    public static final int MAX_URL_LENGTH = 2000;
    private static final IpBlocks NEVER_PUBLIC = IpBlocks.parse(
            "0.0.0.0/8, 100.64.0.0/10, 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4, fc00::/7, 64:ff9b::/96");

    private final boolean allowHttp;
    private final IpBlocks allowed;

    public DestinationGuard(boolean allowHttp, IpBlocks allowed) {
        this.allowHttp = allowHttp;
        this.allowed = allowed;
    }

    /** Why the URL may not receive webhooks, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must name a host, without credentials or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve: " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed.contains(address.getAddress())) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", an internal address (loopback, private, link-local or reserved)");
            }
        }
        return Optional.empty();
    }

    private static boolean isInternal(InetAddress address) {
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NEVER_PUBLIC.contains(address.getAddress());
    }
}
