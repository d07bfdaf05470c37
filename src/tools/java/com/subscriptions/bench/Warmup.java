package com.subscriptions.bench;

/**
 * Warms a route until its throughput is stable: windows of load follow each other until two in a row differ by
 * at most {@link #TOLERANCE} of the higher one (or {@link #MAX_WINDOWS} have run, which the report then shows).
 */
final class Warmup {

    static final double TOLERANCE = 0.05;
    static final int MAX_WINDOWS = 12;

    /** One window of load; its requests per second. */
    @FunctionalInterface
    interface Window {
        double perSecond() throws Exception;
    }

    private Warmup() {
    }

    /** @return how many windows it took (more than {@link #MAX_WINDOWS} if it never settled) */
    static int untilStable(Window window) throws Exception {
        double previous = window.perSecond();
        for (int windows = 2; windows <= MAX_WINDOWS; windows++) {
            double current = window.perSecond();
            if (stable(previous, current)) {
                return windows;
            }
            previous = current;
        }
        return MAX_WINDOWS + 1;
    }

    static boolean stable(double previous, double current) {
        double higher = Math.max(previous, current);
        return higher > 0 && Math.abs(previous - current) <= TOLERANCE * higher;
    }
}
