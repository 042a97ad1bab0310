package com.quantdesk.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source for failure tests: it can refuse connections (the database is down), hold callers
 * at a gate (to let events pile up), or commit and then report the commit as failed (the connection
 * died before the acknowledgement arrived).
 */
public final class FlakyDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger waitingAtGate = new AtomicInteger();
    private final AtomicBoolean loseNextCommitAck = new AtomicBoolean();
    private volatile boolean down;
    private volatile CountDownLatch gate;

    /** Wraps {@code delegate}. */
    public FlakyDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** Refuse every connection until {@link #recover()}. */
    public void goDown() {
        down = true;
    }

    /** Hand out connections again. */
    public void recover() {
        down = false;
    }

    /** Connections refused so far. */
    public int refused() {
        return refused.get();
    }

    /** Hold every {@code getConnection()} until {@link #openGate()}. */
    public void closeGate() {
        gate = new CountDownLatch(1);
    }

    /** Release the callers held at the gate. */
    public void openGate() {
        CountDownLatch latch = gate;
        gate = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Callers currently held at the gate. */
    public int waitingAtGate() {
        return waitingAtGate.get();
    }

    /** The next commit commits, then throws as if the connection had died. */
    public void loseNextCommitAcknowledgement() {
        loseNextCommitAck.set(true);
    }

    /** Whether the lost acknowledgement has happened. */
    public boolean commitAcknowledgementLost() {
        return !loseNextCommitAck.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        CountDownLatch latch = gate;
        if (latch != null) {
            waitingAtGate.incrementAndGet();
            try {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new SQLTransientConnectionException("test gate never opened", "08001");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientConnectionException("interrupted at the test gate", "08001", e);
            } finally {
                waitingAtGate.decrementAndGet();
            }
        }
        if (down) {
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("Connection refused (simulated outage)", "08001");
        }
        Connection connection = delegate.getConnection();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(connection, args);
                        if (method.getName().equals("commit") && loseNextCommitAck.compareAndSet(true, false)) {
                            throw new SQLException("An I/O error occurred while sending to the backend (simulated,"
                                    + " after the commit)", "08006");
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
