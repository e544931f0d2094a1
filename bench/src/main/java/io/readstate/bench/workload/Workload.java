package io.readstate.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An endless stream of events over a population: a channel drawn uniformly, then a
 * message (by a member, with the mix's mentions), a read by a member, or an unread query
 * of a member. Seqs keep increasing across every workload of the same population (it
 * keeps them), so that no message is sent twice with one seq. Not thread-safe: one
 * generator thread draws from it.
 */
public final class Workload {

    private final Population population;
    private final Mix mix;
    private final Random random;

    public Workload(Population population, Mix mix, long seed) {
        this.population = population;
        this.mix = mix;
        this.random = new Random(seed);
    }

    /** The same channels, drawn with another mix. */
    public Workload withMix(Mix other, long seed) {
        return new Workload(population, other, seed);
    }

    public Population population() {
        return population;
    }

    public Event next() {
        int index = random.nextInt(population.channels().size());
        Channel channel = population.channels().get(index);
        double draw = random.nextDouble();
        if (draw < mix.messages()) {
            return message(channel, population.nextSeq(index));
        }
        String member = channel.member(random.nextInt(channel.size()));
        return draw < mix.messages() + mix.reads() ? new Event.Read(channel.id(), member) : new Event.UnreadQuery(member);
    }

    /** The next {@code count} events. */
    public List<Event> next(int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    private Event.Message message(Channel channel, long seq) {
        String sender = channel.member(random.nextInt(channel.size()));
        double kind = random.nextDouble();
        if (kind < mix.mentionAllShare()) {
            return new Event.Message(channel.id(), seq, sender, List.of(), true);
        }
        List<String> mentions = new ArrayList<>(3);
        if (kind < mix.mentionAllShare() + mix.mentionShare()) {
            int names = 1 + random.nextInt(Math.min(3, channel.size()));
            for (int i = 0; i < names; i++) {
                String mentioned = channel.member(random.nextInt(channel.size()));
                if (!mentions.contains(mentioned)) {
                    mentions.add(mentioned);
                }
            }
        }
        return new Event.Message(channel.id(), seq, sender, mentions, false);
    }
}
