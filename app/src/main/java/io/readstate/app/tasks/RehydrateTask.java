package io.readstate.app.tasks;

import io.readstate.app.writebehind.Flusher;
import io.dropwizard.servlets.tasks.Task;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.usecase.RehydrateChannels;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /tasks/rehydrate[?channel=ID]}: rebuilds Redis from PostgreSQL, one
 * channel or all of them, printing progress as it goes. In write-behind mode it flushes
 * first, so that nothing waiting to be written is overwritten.
 */
public final class RehydrateTask extends Task {

    static final String NAME = "rehydrate";
    /** The one parameter it takes: the channel to rebuild alone. */
    static final String CHANNEL = "channel";

    private final RehydrateChannels rehydrate;
    private final Optional<Flusher> flusher;

    public RehydrateTask(RehydrateChannels rehydrate, Optional<Flusher> flusher) {
        super(NAME);
        this.rehydrate = rehydrate;
        this.flusher = flusher;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        flusher.ifPresent(f -> f.flushNow(Duration.ofMinutes(10)));
        List<String> channel = parameters.getOrDefault(CHANNEL, List.of());
        if (!channel.isEmpty()) {
            ChannelId id = ChannelId.of(channel.get(0));
            output.printf("channel %s: %s%n", id, rehydrate.rehydrate(id));
            return;
        }
        long start = System.nanoTime();
        RehydrateChannels.Summary summary = rehydrate.rehydrateAll((done, total, restored, skipped) -> {
            output.printf("%d/%d channels: %d restored, %d skipped%n", done, total, restored, skipped);
            output.flush();
        });
        output.printf("done: %d channels, %d restored, %d skipped (unwritten changes), in %d ms%n", summary.channels(),
                summary.restored(), summary.skipped(), Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
}
