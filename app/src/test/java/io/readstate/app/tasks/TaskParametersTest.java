package io.readstate.app.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskParametersTest {

    @Test
    void rehydrate_takes_one_valid_channel_or_nothing() {
        assertThat(TaskParameters.problem("/rehydrate", Map.of())).isEmpty();
        assertThat(TaskParameters.problem("/rehydrate", Map.of("channel", new String[] {"general"}))).isEmpty();

        assertThat(TaskParameters.problem("/rehydrate", Map.of("chanel", new String[] {"general"})))
                .hasValue("unknown parameter 'chanel': rehydrate takes channel; nothing was done");
        assertThat(TaskParameters.problem("/rehydrate", Map.of("channel", new String[] {"not an id"})))
                .hasValue("channel: may contain only A-Z a-z 0-9 _ . : @ -; nothing was done");
        assertThat(TaskParameters.problem("/rehydrate", Map.of("channel", new String[] {""})))
                .hasValue("channel: must be 1 to 64 characters long; nothing was done");
        assertThat(TaskParameters.problem("/rehydrate", Map.of("channel", new String[] {"a", "b"})))
                .hasValue("channel: give it once; nothing was done");
    }

    @Test
    void flush_takes_nothing_and_other_paths_are_left_to_the_task_servlet() {
        assertThat(TaskParameters.problem("/flush", Map.of())).isEmpty();
        assertThat(TaskParameters.problem("/flush", Map.of("all", new String[] {"1"})))
                .hasValue("unknown parameter 'all': flush takes none; nothing was done");
        assertThat(TaskParameters.problem("/log-level", Map.of("logger", new String[] {"io.readstate"}))).isEmpty();
        assertThat(TaskParameters.problem(null, Map.of("x", new String[] {"1"}))).isEmpty();
    }
}
