package io.readstate.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleReportTest {

    private static final String COMPARISON = "# Readstate benchmark\n\n## Targets\n\n| a |\n";

    @Test
    void adds_the_scale_out_section_at_the_end_of_a_comparison() {
        String markdown = ScaleReport.withSection(COMPARISON, "## Scale-out\n\nnew\n");

        assertThat(markdown).isEqualTo(COMPARISON + "\n## Scale-out\n\nnew\n");
    }

    @Test
    void replaces_only_the_scale_out_section_and_keeps_what_follows_it() {
        String earlier = "# R\n\n## Scale-out\n\nold\n\n## Targets\n\nkept\n";

        String markdown = ScaleReport.withSection(earlier, "## Scale-out\n\nnew\n");

        assertThat(markdown).isEqualTo("# R\n\n## Targets\n\nkept\n\n## Scale-out\n\nnew\n");
    }

    @Test
    void finds_the_section_a_new_comparison_carries_over() {
        String withScale = ScaleReport.withSection(COMPARISON, "## Scale-out\n\nrows\n\n- **Method**: x\n");

        assertThat(ScaleReport.existingSection(withScale)).contains("## Scale-out\n\nrows\n\n- **Method**: x\n");
        assertThat(ScaleReport.existingSection(COMPARISON)).isEmpty();
    }
}
