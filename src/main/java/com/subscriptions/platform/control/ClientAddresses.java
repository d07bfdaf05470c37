package com.subscriptions.platform.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds a request's client address behind proxies. {@code X-Forwarded-For} is written by whoever sent the request,
 * so only the hops that configured proxies appended can be believed: walking from the connection's peer towards
 * the client, each trusted proxy vouches for the address on its left; the first address that is not a trusted
 * proxy is the client. Nothing is trusted unless configured; an entry that is not an IP literal ends the walk.
 */
public final class ClientAddresses {

    /** IPv4 or IPv6 literals only: a host name must never be resolved here (a DNS lookup per request). */
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_LITERAL = 45;

    private final IpBlocks trustedProxies;

    private ClientAddresses(IpBlocks trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * @param trustedProxies comma-separated addresses or CIDR blocks ({@code 10.0.0.0/8, ::1}); blank trusts none
     * @throws IllegalArgumentException naming an entry that is not an address or block
     */
    public static ClientAddresses trusting(String trustedProxies) {
        return new ClientAddresses(IpBlocks.parse(trustedProxies));
    }

    /**
     * @param peer           the address of the connection's other end
     * @param forwardedFor   the {@code X-Forwarded-For} header values in the order received (may be empty)
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (trustedProxies.isEmpty() || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            if (literal(hops.get(i)) == null) {
                break;
            }
            client = hops.get(i);
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trustedProxies.contains(literal(address));
    }

    /** The address's bytes, or null when the text is not an IP literal. */
    static byte[] literal(String text) {
        if (text == null || text.length() > MAX_LITERAL
                || !IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
