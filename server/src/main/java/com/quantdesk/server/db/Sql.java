package com.quantdesk.server.db;

import com.quantdesk.server.http.ApiError;
import com.quantdesk.store.WriteTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JDBC with bound parameters only: every value reaches the database as a parameter, never as
 * SQL text. A database failure is logged here and answered as a 503 without its message (which may
 * hold SQL); nothing is half done, since each call is one statement or one transaction.
 */
public final class Sql {

    private static final Logger LOG = LoggerFactory.getLogger(Sql.class);

    private final DataSource dataSource;

    /** @param dataSource the store's pool */
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        /** Maps the current row. */
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs on the connection; the transaction commits when it returns. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return inConnection(c -> list(c, sql, row, parameters));
    }

    /** Runs a query and maps the first row, if any. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs an insert, update or delete and returns the rows changed. */
    public int update(String sql, Object... parameters) {
        return inConnection(c -> update(c, sql, parameters));
    }

    /** Runs {@code work} in one transaction: all of it commits, or none of it. */
    public <T> T transaction(Work<T> work) {
        return inConnection(c -> WriteTransaction.run(c, work::run));
    }

    /** A query on a connection of a transaction. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(row.map(r));
                }
                return rows;
            }
        }
    }

    /** An update on a connection of a transaction. */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private <T> T inConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            LOG.error("database request failed", e);
            throw ApiError.unavailable("the database did not answer; nothing was changed");
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            switch (p) {
                case null -> s.setObject(i + 1, null);
                case String text -> s.setString(i + 1, text);
                case Long n -> s.setLong(i + 1, n);
                case Integer n -> s.setInt(i + 1, n);
                case Boolean b -> s.setShort(i + 1, (short) (b ? 1 : 0));
                default -> throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
            }
        }
    }
}
