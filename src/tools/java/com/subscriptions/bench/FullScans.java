package com.subscriptions.bench;

import java.util.regex.Pattern;

/**
 * Which step of an EXPLAIN reads a whole table that grows with the users: type ALL on any table but the plan
 * catalogue, which stays small (alias p in native SQL, sp…/p… in Hibernate's), and the database's own derived
 * tables ({@code <derived2>}). Shared by the query-plan report and the test that fails the build on a full scan.
 */
public final class FullScans {

    private static final Pattern CATALOGUE = Pattern.compile("p|subscription_plans|s?p\\d+_\\d+");

    private FullScans() {
    }

    public static boolean ofAGrowingTable(String table, String type) {
        return "ALL".equals(type) && !CATALOGUE.matcher(table).matches() && !table.startsWith("<");
    }
}
