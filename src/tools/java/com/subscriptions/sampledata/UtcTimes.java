package com.subscriptions.sampledata;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Times as epoch seconds, and their DATETIME literals in UTC. A million subscribers need several million
 * literals: these are written digit by digit, several times faster than a DateTimeFormatter.
 */
final class UtcTimes {

    static final long HOUR = 3_600;
    static final long DAY = 24 * HOUR;

    private UtcTimes() {
    }

    /** Calendar months later (or earlier when negative), as the service computes a period end. */
    static long plusMonths(long epochSecond, long months) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).plusMonths(months)
                .toEpochSecond(ZoneOffset.UTC);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, which a DATETIME(6) column takes as is. */
    static String literal(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        char[] text = new char[19];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int start, int value, int width) {
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
