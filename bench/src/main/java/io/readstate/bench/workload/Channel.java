package io.readstate.bench.workload;

/**
 * A channel of the population: its members are the users {@code firstUser},
 * {@code firstUser + 1}, ... {@code firstUser + size - 1}, wrapping around the user pool.
 */
public record Channel(String id, int size, int firstUser, int users) {

    public Channel {
        if (size < 1 || size > users) {
            throw new IllegalArgumentException("a channel of " + size + " members in a pool of " + users + " users");
        }
    }

    /** The k-th member, 0 &lt;= k &lt; size. */
    public String member(int k) {
        return Population.userName((firstUser + k) % users);
    }
}
