package io.readstate.bench.peer;

import io.readstate.bench.load.Target;
import io.readstate.bench.workload.Channel;
import io.readstate.bench.workload.Event;
import io.readstate.bench.workload.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.redisson.api.RedissonClient;

/**
 * The peer the seed describes taken literally, driven in this process (no HTTP): one
 * unread and one mention counter per member, every message a Lua fan-out of HINCRBY over
 * the channel's members, every read a reset to 0. A {@link CounterFlusher} writes the
 * counters of changed channels to PostgreSQL.
 */
public final class PerMemberCounters implements Target {

    private static final int MAX_JOIN = 10_000;

    private final CounterScripts scripts;
    private final Population population;

    public PerMemberCounters(RedissonClient redisson, Population population) {
        this.scripts = new CounterScripts(redisson);
        this.population = population;
    }

    @Override
    public CompletableFuture<Void> send(List<Event> events) {
        List<CompletableFuture<Object>> calls = new ArrayList<>(events.size());
        for (Event event : events) {
            calls.add(apply(event));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Object> apply(Event event) {
        if (event instanceof Event.Message message) {
            Object[] args = new Object[3 + message.mentions().size()];
            args[0] = message.channel();
            args[1] = message.sender();
            args[2] = message.mentionAll() ? "1" : "0";
            for (int i = 0; i < message.mentions().size(); i++) {
                args[3 + i] = message.mentions().get(i);
            }
            return scripts.message(CounterKeys.channel(message.channel()), args);
        }
        if (event instanceof Event.Read read) {
            return scripts.read(CounterKeys.channel(read.channel()), read.channel(), read.user());
        }
        String user = ((Event.UnreadQuery) event).user();
        List<Object> keys = new ArrayList<>();
        for (Channel channel : population.channelsOf(Integer.parseInt(user.substring(1)))) {
            keys.add(CounterKeys.unread(channel.id()));
            keys.add(CounterKeys.mentions(channel.id()));
        }
        return scripts.unread(keys, user);
    }

    /** Every channel of the population with its members, nothing unread. */
    public void join() {
        List<CompletableFuture<Object>> joins = new ArrayList<>();
        for (Channel channel : population.channels()) {
            for (int from = 0; from < channel.size(); from += MAX_JOIN) {
                List<Object> args = new ArrayList<>();
                args.add(channel.id());
                for (int k = from; k < Math.min(channel.size(), from + MAX_JOIN); k++) {
                    args.add(channel.member(k));
                }
                joins.add(scripts.join(CounterKeys.channel(channel.id()), args.toArray()));
            }
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
    }
}
