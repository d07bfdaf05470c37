package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Creates an admin account, or makes an existing account admin with the given password. Unlike registration
 * over the API, the password policy is not applied: the operator chose the password. Sessions already open for
 * the account stay valid until they expire.
 */
final class AdminAccount {

    private AdminAccount() {
    }

    /** @return true when the account was created, false when an existing one was promoted and its password reset */
    static boolean ensure(Connection connection, String username, String email, String password) throws SQLException {
        String hash = SoteriaPasswordHash.of(password);
        boolean created;
        try (PreparedStatement update = connection.prepareStatement("UPDATE users SET password_hash = ?, "
                + "is_admin = TRUE, version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE username = ?")) {
            update.setString(1, hash);
            update.setString(2, username);
            created = update.executeUpdate() == 0;
        }
        if (created) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users "
                    + "(username, email, password_hash, is_admin, created_at, updated_at) "
                    + "VALUES (?, ?, ?, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
                insert.setString(1, username);
                insert.setString(2, email);
                insert.setString(3, hash);
                insert.executeUpdate();
            }
        }
        connection.commit();
        return created;
    }
}
