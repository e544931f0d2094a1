package io.readstate.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void channel_sizes_stay_between_2_and_10000_with_most_channels_small() {
        ChannelSizes sizes = new ChannelSizes(new Random(1));
        int small = 0;
        for (int i = 0; i < 10_000; i++) {
            int size = sizes.next();
            assertThat(size).isBetween(2, 10_000);
            small += size <= 20 ? 1 : 0;
        }
        assertThat(small).isGreaterThan(6_000);
    }

    @Test
    void a_long_tailed_population_has_a_channel_of_each_end() {
        Population population = Population.longTailed("p", 20, 20_000, 3);

        assertThat(population.channels()).extracting(Channel::size).contains(2, 10_000);
    }

    @Test
    void the_chat_mix_has_about_three_reads_per_message_and_some_queries() {
        Workload workload = new Workload(Population.longTailed("p", 50, 20_000, 3), Mix.CHAT, 5);
        Map<Class<?>, Integer> counts = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            counts.merge(workload.next().getClass(), 1, Integer::sum);
        }
        double readsPerMessage = counts.get(Event.Read.class) / (double) counts.get(Event.Message.class);
        assertThat(readsPerMessage).isBetween(2.8, 3.1);
        assertThat(counts.get(Event.UnreadQuery.class)).isBetween(4_500, 5_500);
    }

    @Test
    void seqs_increase_per_channel_across_the_mixes_of_one_population() {
        Workload chat = new Workload(Population.uniform("p", 1, 5, 100, 1), Mix.MESSAGES, 1);
        Workload other = chat.withMix(Mix.MESSAGES, 2);

        assertThat(((Event.Message) chat.next()).seq()).isEqualTo(1);
        assertThat(((Event.Message) other.next()).seq()).isEqualTo(2);
        assertThat(((Event.Message) chat.next()).seq()).isEqualTo(3);
    }

    @Test
    void a_new_workload_on_a_population_goes_on_from_the_seqs_sent_before() {
        Population population = Population.uniform("p", 1, 5, 100, 1);
        new Workload(population, Mix.MESSAGES, 1).next(3);

        assertThat(((Event.Message) new Workload(population, Mix.MESSAGES, 1).next()).seq()).isEqualTo(4);
        assertThat(population.lastSeqs()).containsExactly(4);
    }

    @Test
    void members_are_taken_in_turn_from_the_user_pool_wrapping_around() {
        Channel channel = new Channel("c", 3, 99, 100);

        assertThat(channel.member(0)).isEqualTo("u99");
        assertThat(channel.member(1)).isEqualTo("u0");
    }
}
