package io.readstate.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntSupplier;

/**
 * The channels and users a benchmark phase works on. Channel ids carry the population's
 * name, so that populations of different names never share a channel; two of one name (each
 * mode's, each scale-out topology's) each go to a Redis of their own.
 *
 * <p>Each channel's last seq sent is kept here rather than by a {@link Workload}: every
 * workload over a population goes on from the seqs of those before it. A workload that
 * began again from 1 on channels already written sent messages the service refused as
 * not new (a seq at or below the head changes nothing), and measured how fast it
 * refuses them.
 */
public final class Population {

    private final List<Channel> channels;
    private final int users;
    private final AtomicLongArray lastSeqs;
    private List<List<Channel>> channelsOfUser;

    private Population(List<Channel> channels, int users) {
        this.channels = List.copyOf(channels);
        this.users = users;
        this.lastSeqs = new AtomicLongArray(channels.size());
    }

    /**
     * {@code count} channels with sizes from {@code sizes}, always including one of the
     * smallest and one of the largest size, members drawn from {@code users} users.
     */
    public static Population longTailed(String name, int count, int users, long seed) {
        Random random = new Random(seed);
        ChannelSizes sizes = new ChannelSizes(random);
        int[] index = {0};
        IntSupplier size = () -> switch (index[0]++) {
            case 0 -> ChannelSizes.LARGEST;
            case 1 -> ChannelSizes.SMALLEST;
            default -> sizes.next();
        };
        return of(name, count, users, size, random);
    }

    /** {@code count} channels of exactly {@code size} members. */
    public static Population uniform(String name, int count, int size, int users, long seed) {
        return of(name, count, users, () -> size, new Random(seed));
    }

    /** Long-tailed channels until they hold at least {@code memberships} memberships. */
    public static Population withMemberships(String name, long memberships, int users, long seed) {
        Random random = new Random(seed);
        ChannelSizes sizes = new ChannelSizes(random);
        List<Channel> channels = new ArrayList<>();
        long total = 0;
        while (total < memberships) {
            int size = sizes.next();
            channels.add(new Channel(name + "-" + channels.size(), size, random.nextInt(users), users));
            total += size;
        }
        return new Population(channels, users);
    }

    private static Population of(String name, int count, int users, IntSupplier size, Random random) {
        List<Channel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            channels.add(new Channel(name + "-" + i, size.getAsInt(), random.nextInt(users), users));
        }
        return new Population(channels, users);
    }

    public static String userName(int index) {
        return "u" + index;
    }

    public List<Channel> channels() {
        return channels;
    }

    public int users() {
        return users;
    }

    public long memberships() {
        return channels.stream().mapToLong(Channel::size).sum();
    }

    /** The next seq of the channel at {@code index} in {@link #channels()}, one above the last sent. */
    long nextSeq(int index) {
        return lastSeqs.incrementAndGet(index);
    }

    /** Each channel's last seq sent so far (0 if none), in the order of {@link #channels()}. */
    public long[] lastSeqs() {
        long[] copy = new long[lastSeqs.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = lastSeqs.get(i);
        }
        return copy;
    }

    /** The channels a user belongs to (computed once, on first use). */
    public synchronized List<Channel> channelsOf(int user) {
        if (channelsOfUser == null) {
            channelsOfUser = new ArrayList<>(users);
            for (int u = 0; u < users; u++) {
                channelsOfUser.add(new ArrayList<>(2));
            }
            for (Channel channel : channels) {
                for (int k = 0; k < channel.size(); k++) {
                    channelsOfUser.get((channel.firstUser() + k) % users).add(channel);
                }
            }
        }
        return channelsOfUser.get(user);
    }
}
