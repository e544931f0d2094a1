package io.readstate.bench.run;

import java.util.List;

/**
 * How many write-behind service instances share how many Redis masters: one plain
 * redis-server, or a Redis Cluster of masters only.
 */
public record Topology(int instances, int masters) {

    /** The four the scale-out rows measure, in the table's order. */
    public static final List<Topology> MEASURED = List.of(new Topology(1, 1), new Topology(3, 1), new Topology(1, 3),
            new Topology(3, 3));

    public boolean cluster() {
        return masters > 1;
    }

    public String name() {
        return (cluster() ? "Redis Cluster of " + masters + " masters" : "one redis-server") + " × " + instances
                + (instances == 1 ? " instance" : " instances");
    }

    /** A short name for databases, logs and files: {@code m3i1}. */
    public String tag() {
        return "m" + masters + "i" + instances;
    }
}
