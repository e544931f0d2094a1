package io.readstate.app.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code jvm.compilation.time-millis}: the time the JIT has spent compiling since start
 * (-1 where the JVM does not tell). Just after a start the JIT compiles the request path
 * for a minute or more, taking CPU from the requests; while this gauge still climbs, the
 * service is not yet as fast as it will be (the benchmark waits for it to settle).
 */
public final class CompilationGauge {

    public static final String NAME = "jvm.compilation.time-millis";

    private CompilationGauge() {
    }

    public static void register(MetricRegistry metrics) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean told = jit != null && jit.isCompilationTimeMonitoringSupported();
        metrics.register(NAME, (Gauge<Long>) () -> told ? jit.getTotalCompilationTime() : -1L);
    }
}
