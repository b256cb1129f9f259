package io.memtomem.core.store;

import java.sql.SQLException;

/** A unit of database work; it may be run again when SQLite reports the database busy, so it must be repeatable. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Session session) throws SQLException;
}
