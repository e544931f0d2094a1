package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.durable.ChannelImage;
import io.readstate.domain.port.LoadDurableState;
import io.readstate.domain.port.RestoreHotState;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds channels in the hot store from the durable store: one channel, or all of
 * them page by page with progress reported as it goes. A channel that holds changes not
 * yet written is left alone (restoring it would lose them); flush first.
 */
public final class RehydrateChannels {

    private static final int PAGE = 500;

    private final LoadDurableState durable;
    private final RestoreHotState hot;

    public RehydrateChannels(LoadDurableState durable, RestoreHotState hot) {
        this.durable = durable;
        this.hot = hot;
    }

    /** What happened to one channel. */
    public enum Result { RESTORED, UNKNOWN, HAS_UNWRITTEN_CHANGES }

    /** Told after each page of a full rehydration. */
    public interface Progress {
        void report(long done, long total, long restored, long skipped);
    }

    /** Totals of a full rehydration. */
    public record Summary(long channels, long restored, long skipped) {
    }

    public Result rehydrate(ChannelId channelId) {
        Optional<ChannelImage> image = durable.load(channelId);
        if (image.isEmpty()) {
            return Result.UNKNOWN;
        }
        return hot.restore(image.get()) ? Result.RESTORED : Result.HAS_UNWRITTEN_CHANGES;
    }

    public Summary rehydrateAll(Progress progress) {
        long total = durable.channelCount();
        long done = 0;
        long restored = 0;
        long skipped = 0;
        Optional<ChannelId> after = Optional.empty();
        List<ChannelId> page;
        do {
            page = durable.channelIds(after, PAGE);
            for (ChannelId channel : page) {
                if (rehydrate(channel) == Result.RESTORED) {
                    restored++;
                } else {
                    skipped++;
                }
                done++;
            }
            if (!page.isEmpty()) {
                after = Optional.of(page.get(page.size() - 1));
                progress.report(done, total, restored, skipped);
            }
        } while (page.size() == PAGE);
        return new Summary(done, restored, skipped);
    }
}
