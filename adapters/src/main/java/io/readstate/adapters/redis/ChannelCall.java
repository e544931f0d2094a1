package io.readstate.adapters.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of the channel script: a run of one channel's events alone, or the runs of
 * several channels together (the 'channels' operation, see lua/dispatch.lua), so that a
 * list of events on many channels costs a few script calls rather than one per channel.
 * Runs that change users' channel lists (a join, a leave) always travel alone, the lists
 * being written beside them.
 */
record ChannelCall(List<ChannelRun> runs) {

    /** The most events one call applies, so that it holds Redis only briefly. */
    static final int MAX_EVENTS = 100;

    /**
     * Groups runs, in order, into calls. On a Redis Cluster a script may only touch keys of
     * one hash slot, so only runs of one shard go together; on a single Redis any may. Each
     * channel's runs keep their order: a channel always falls in the same group, and every
     * open group is closed before a run that travels alone.
     */
    static List<ChannelCall> plan(List<ChannelRun> runs, boolean onCluster) {
        List<ChannelCall> calls = new ArrayList<>();
        Map<Integer, List<ChannelRun>> open = new LinkedHashMap<>();
        Map<Integer, Integer> openEvents = new LinkedHashMap<>();
        for (ChannelRun run : runs) {
            if (run.touchesUserChannels()) {
                open.values().forEach(group -> calls.add(new ChannelCall(group)));
                open.clear();
                openEvents.clear();
                calls.add(new ChannelCall(List.of(run)));
                continue;
            }
            int group = onCluster ? RedisKeys.shardOf(run.channel()) : 0;
            int events = openEvents.getOrDefault(group, 0);
            if (events > 0 && events + run.events().size() > MAX_EVENTS) {
                calls.add(new ChannelCall(open.remove(group)));
                openEvents.remove(group);
                events = 0;
            }
            open.computeIfAbsent(group, g -> new ArrayList<>()).add(run);
            openEvents.put(group, events + run.events().size());
        }
        open.values().forEach(group -> calls.add(new ChannelCall(group)));
        return calls;
    }

    boolean alone() {
        return runs.size() == 1;
    }

    ChannelRun first() {
        return runs.get(0);
    }

    /**
     * The script's KEYS: a run alone names its channel's keys (with the write-behind keys when
     * {@code tracked}); runs of several channels, each channel's meta key, after which the
     * script names the rest.
     */
    List<Object> keys(RedisKeys layout, boolean tracked) {
        if (alone()) {
            return layout.channel(first().channel(), tracked);
        }
        return layout.channelMetas(runs.stream().map(ChannelRun::channel).toList());
    }

    /**
     * The script's ARGV: the run's own when it is alone, else 'channels', whether the
     * channels' write-behind keys are to be used ({@code tracked}), and each run's, counted
     * (see {@link ChannelRun#arguments}).
     */
    List<Object> arguments(int windowSize, boolean brief, boolean tracked) {
        if (alone()) {
            return first().arguments(windowSize, brief);
        }
        List<Object> args = new ArrayList<>();
        args.add("channels");
        args.add(tracked ? "1" : "0");
        for (ChannelRun run : runs) {
            List<Object> runArgs = run.arguments(windowSize, brief);
            args.add(Integer.toString(runArgs.size()));
            args.addAll(runArgs);
        }
        return args;
    }

    /** Puts each run's replies (one per event) from the call's {@code reply} into {@code byRun}. */
    @SuppressWarnings("unchecked")
    void collectReplies(List<Object> reply, Map<ChannelRun, List<List<Object>>> byRun) {
        if (alone()) {
            byRun.put(first(), first().replies(reply));
            return;
        }
        for (int n = 0; n < runs.size(); n++) {
            byRun.put(runs.get(n), runs.get(n).replies((List<Object>) reply.get(n)));
        }
    }

    /**
     * The events' replies in the order of {@code runs}: on a cluster, calls group runs by
     * shard, so the calls' order is not the events'.
     */
    static List<List<Object>> inOrder(List<ChannelRun> runs, Map<ChannelRun, List<List<Object>>> byRun) {
        List<List<Object>> replies = new ArrayList<>();
        runs.forEach(run -> replies.addAll(byRun.get(run)));
        return replies;
    }
}
