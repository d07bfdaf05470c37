package com.subscriptions;

import static com.subscriptions.ApiClient.api;

/** The service's {@code /metrics}, in Prometheus text, as a test reads it. */
public final class ScrapedMetrics {

    private ScrapedMetrics() {
    }

    public static String scrape() {
        return api().accept("text/plain").get("/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the sample of {@code metric} whose labels contain {@code label}; 0 when there is none yet. */
    public static double value(String metrics, String metric, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> line.contains(label))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }
}
