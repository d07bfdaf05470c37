package com.subscriptions.cluster.control;

import java.util.Map;

/**
 * A map of byte arrays shared by every instance, with the atomic operations that a compare-and-swap needs.
 * Values compare by content.
 */
public interface SharedMap {

    byte[] get(String key);

    void put(String key, byte[] value);

    /** Stores the value unless the key has one; true if stored. */
    boolean putIfAbsent(String key, byte[] value);

    /** Replaces {@code expected} by {@code value}, atomically; false if the key holds anything else. */
    boolean replace(String key, byte[] expected, byte[] value);

    /** A copy of every entry. */
    Map<String, byte[]> entries();
}
