package io.readstate.app.tasks;

import io.dropwizard.servlets.tasks.Task;
import io.readstate.app.writebehind.Flusher;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.usecase.FlushReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /tasks/flush}: writes every dirty entry to PostgreSQL now and answers with
 * the rows written, the time taken and the backlog left (in modes without write-behind
 * there is never anything to write).
 */
public final class FlushTask extends Task {

    static final String NAME = "flush";

    private static final Duration BUDGET = Duration.ofMinutes(10);

    private final Optional<Flusher> flusher;
    private final Supplier<SyncStatus> status;

    public FlushTask(Optional<Flusher> flusher, Supplier<SyncStatus> status) {
        super(NAME);
        this.flusher = flusher;
        this.status = status;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        FlushReport report = flusher.map(f -> f.flushNow(BUDGET)).orElse(FlushReport.NOTHING);
        output.printf("{\"rowsWritten\": %d, \"entries\": %d, \"channels\": %d, \"tookMillis\": %d, \"backlog\": %d}%n",
                report.rowsWritten(), report.entries(), report.channels(), report.took().toMillis(),
                status.get().backlog());
    }
}
