package com.subscriptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct JDBC connection to the database the deployed service uses (DB_* as the build set them). */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static String url() {
        return "jdbc:mysql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "3306") + "/" + env("DB_NAME", "subscriptions")
                + "?sslMode=" + env("DB_SSL_MODE", "DISABLED") + "&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), env("DB_USER", "root"), env("DB_PASSWORD", ""));
    }

    private static String env(String name, String absent) {
        String value = System.getenv(name);
        return value == null ? absent : value;
    }
}
