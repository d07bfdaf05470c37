package com.subscriptions.bench;

import java.util.List;
import java.util.Locale;

/** A figure measured in several rounds: their median, and the lowest and highest as its spread. */
record Spread(double median, double low, double high) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }

    /** {@code 0.84 (0.80–0.88)}. */
    String ratio() {
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median, low, high);
    }
}
