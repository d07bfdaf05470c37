package com.subscriptions.sampledata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A way to put rows into a table. Preparing (encoding) is apart from writing so that it can run on the thread
 * that builds the rows, while the connection's thread only sends.
 */
interface RowWriter {

    Rows prepare(Table table, List<Object[]> rows);

    /** What the summary calls this way of writing. */
    String describe();

    /** Rows ready to be written. */
    interface Rows {

        /** Writes the rows within the connection's current transaction. */
        void writeTo(Connection connection) throws SQLException;

        int count();
    }
}
