package io.readstate.adapters.redis;

import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MembersJoined;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive events of one channel that go to Redis as one run of the channel script
 * (the 'batch' operation, see lua/batch.lua), so that a list of events costs a script run
 * per channel run rather than per event, in the same order. A run ends at a leave (the
 * user's channel list is updated right after it), and a bulk join travels alone.
 */
record ChannelRun(ChannelId channel, List<ChannelEvent> events) {

    /** The most events one script run applies, so that it holds Redis only briefly. */
    static final int MAX_EVENTS = 100;

    private static final long REFUSED = -100;  // NOT_REBUILT (-100) or STATE_LOST (-200): the run changed nothing

    /** Splits events, in order, into runs. */
    static List<ChannelRun> split(List<ChannelEvent> events) {
        List<ChannelRun> runs = new ArrayList<>();
        List<ChannelEvent> current = new ArrayList<>();
        for (ChannelEvent event : events) {
            if (!current.isEmpty() && !continues(current, event)) {
                runs.add(new ChannelRun(current.get(0).channelId(), current));
                current = new ArrayList<>();
            }
            current.add(event);
        }
        if (!current.isEmpty()) {
            runs.add(new ChannelRun(current.get(0).channelId(), current));
        }
        return runs;
    }

    private static boolean continues(List<ChannelEvent> run, ChannelEvent next) {
        ChannelEvent last = run.get(run.size() - 1);
        return run.size() < MAX_EVENTS && next.channelId().equals(last.channelId())
                && !(last instanceof MemberLeft) && !(last instanceof MembersJoined) && !(next instanceof MembersJoined);
    }

    /** Whether the run changes users' channel lists (a join or a leave), written beside its script call. */
    boolean touchesUserChannels() {
        return events.stream().anyMatch(event ->
                event instanceof MemberJoined || event instanceof MembersJoined || event instanceof MemberLeft);
    }

    /**
     * The script's ARGV: the event's own arguments when it is alone, else a 'batch' of them;
     * {@code brief}: reads answer their status alone (see {@link ChannelEventCodec#arguments}).
     */
    List<Object> arguments(int windowSize, boolean brief) {
        if (events.size() == 1) {
            return ChannelEventCodec.arguments(events.get(0), windowSize, brief);
        }
        List<Object> args = new ArrayList<>(1 + events.size() * 8);
        args.add("batch");
        for (ChannelEvent event : events) {
            List<Object> eventArgs = ChannelEventCodec.arguments(event, windowSize, brief);
            args.add(Integer.toString(eventArgs.size()));
            args.addAll(eventArgs);
        }
        return args;
    }

    /** Each event's reply, in order; a run refused whole (see {@link RedisReadState}) answers it for every event. */
    @SuppressWarnings("unchecked")
    List<List<Object>> replies(List<Object> reply) {
        if (events.size() == 1) {
            return List.of(reply);
        }
        if (reply.size() == 1 && reply.get(0) instanceof Long status && status <= REFUSED) {
            return events.stream().map(event -> reply).toList();
        }
        return reply.stream().map(eventReply -> (List<Object>) eventReply).toList();
    }
}
