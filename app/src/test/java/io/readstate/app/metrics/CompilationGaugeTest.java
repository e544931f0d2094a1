package io.readstate.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CompilationGaugeTest {

    @Test
    void the_gauge_reads_the_time_the_jit_has_spent_compiling() {
        MetricRegistry metrics = new MetricRegistry();
        CompilationGauge.register(metrics);
        long before = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

        long read = (Long) ((Gauge<?>) metrics.getGauges().get(CompilationGauge.NAME)).getValue();

        assertThat(read).isGreaterThan(0).isGreaterThanOrEqualTo(before)
                .isLessThanOrEqualTo(ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    }
}
