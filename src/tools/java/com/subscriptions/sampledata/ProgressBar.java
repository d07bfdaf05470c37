package com.subscriptions.sampledata;

import java.io.PrintStream;

/**
 * Progress on stderr: percent, rows done of the total, rows per second and time left. On a terminal one line is
 * redrawn in place (at most 4 times a second); otherwise (a log, a CI job) a line is printed every 10%.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long lastDrawn;
    private int lastTenth;

    ProgressBar(String label, long total) {
        this.label = label;
        this.total = Math.max(total, 1);
    }

    synchronized void advance(long rows) {
        done += rows;
        long nowNanos = System.nanoTime();
        if (terminal) {
            if (nowNanos - lastDrawn >= REDRAW_NANOS || done >= total) {
                lastDrawn = nowNanos;
                out.print("\r" + line(nowNanos));
                out.flush();
            }
        } else {
            int tenth = (int) (done * 10 / total);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(line(nowNanos));
            }
        }
    }

    /** Ends the redrawn line. */
    synchronized void finish() {
        if (terminal) {
            out.println("\r" + line(System.nanoTime()));
        }
    }

    private String line(long nowNanos) {
        double seconds = Math.max((nowNanos - started) / 1e9, 1e-3);
        long perSecond = (long) (done / seconds);
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        String eta = perSecond == 0 ? "?" : String.valueOf((total - Math.min(done, total)) / perSecond);
        return String.format("%s [%s%s] %3d%%  %,d/%,d rows  %,d rows/s  ETA %s s   ", label,
                "#".repeat(filled), ".".repeat(WIDTH - filled), done * 100 / total, done, total, perSecond, eta);
    }
}
