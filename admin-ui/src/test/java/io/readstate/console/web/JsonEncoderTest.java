package io.readstate.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEncoderTest {

    private static final ObjectMapper PARSER = new ObjectMapper();

    @Test
    void strings_with_quotes_controls_and_markup_survive_the_round_trip() throws Exception {
        String nasty = "\"quoted\" \\ back\nline\ttab\u0001 </script><b>&amp; \u2028 é 😀";

        String json = JsonEncoder.encode(Map.of("text", nasty));

        assertThat(json).doesNotContain("</script>", "<b>", "\u2028");
        assertThat(PARSER.readTree(json).get("text").asText()).isEqualTo(nasty);
    }

    @Test
    void numbers_json_cannot_hold_become_null() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nan", Double.NaN);
        values.put("infinite", Double.POSITIVE_INFINITY);
        values.put("ratio", 8.4);
        values.put("count", 12_345L);

        JsonNode json = PARSER.readTree(JsonEncoder.encode(values));

        assertThat(json.get("nan").isNull()).isTrue();
        assertThat(json.get("infinite").isNull()).isTrue();
        assertThat(json.get("ratio").asDouble()).isEqualTo(8.4);
        assertThat(json.get("count").asLong()).isEqualTo(12_345L);
    }

    @Test
    void nested_maps_lists_instants_booleans_and_null_are_written() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("at", Instant.parse("2026-11-26T19:00:00.123Z"));
        values.put("list", Arrays.asList(1, null, true, List.of()));
        values.put("none", null);

        String json = JsonEncoder.encode(values);

        assertThat(json).isEqualTo("{\"at\":\"2026-11-26T19:00:00.123Z\",\"list\":[1,null,true,[]],\"none\":null}");
        assertThat(PARSER.readTree(json).isObject()).isTrue();
    }
}
