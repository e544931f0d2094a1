package io.readstate.bench.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** One database of this run on the machine's PostgreSQL. */
public record Database(Postgres postgres, String name) {

    public String url() {
        return postgres.url(name);
    }

    public Connection connect() throws SQLException {
        return postgres.connect(name);
    }

    public Postgres.Counters counters() throws SQLException {
        return postgres.counters(name);
    }

    public long count(String sql) {
        try {
            return postgres.count(name, sql);
        } catch (SQLException e) {
            throw new IllegalStateException("counting in " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** The service's view of it: URL and user, for its environment. */
    public ServiceProcess.Stores storesWith(RedisEndpoint redis) {
        return new ServiceProcess.Stores(redis, Optional.of(url()), postgres.user());
    }
}
