package com.subscriptions.platform.control;

import java.util.ArrayList;
import java.util.List;

/** A set of IP addresses and CIDR blocks ({@code 10.0.0.0/8, ::1}), from a comma-separated setting. */
public final class IpBlocks {

    private final List<Network> networks;

    private IpBlocks(List<Network> networks) {
        this.networks = networks;
    }

    /**
     * @param blocks comma-separated addresses or CIDR blocks; blank is none
     * @throws IllegalArgumentException naming an entry that is not an address or block
     */
    public static IpBlocks parse(String blocks) {
        List<Network> networks = new ArrayList<>();
        for (String entry : blocks == null ? new String[0] : blocks.split(",")) {
            if (!entry.isBlank()) {
                networks.add(Network.parse(entry.strip()));
            }
        }
        return new IpBlocks(List.copyOf(networks));
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** @param address the address's bytes (4 or 16) */
    public boolean contains(byte[] address) {
        return address != null && networks.stream().anyMatch(network -> network.contains(address));
    }

    private record Network(byte[] base, int prefixBits) {
        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] base = ClientAddresses.literal(slash < 0 ? entry : entry.substring(0, slash));
            if (base == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR block: " + entry);
            }
            int bits = slash < 0 ? base.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > base.length * 8) {
                throw new IllegalArgumentException("Prefix out of range: " + entry);
            }
            return new Network(base, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
