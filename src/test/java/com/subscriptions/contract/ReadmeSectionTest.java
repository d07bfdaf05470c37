package com.subscriptions.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadmeSectionTest {

    private static final ReadmeSection SECTION = new ReadmeSection("counts");
    private static final String README = "# Title\n\ntext\n\n<!-- counts:start -->\n| a |\n|---|\n| 1 |\n"
            + "<!-- counts:end -->\n\nmore\n";

    @Test
    void readsTheTextBetweenTheMarkers() {
        assertThat(SECTION.in(README)).isEqualTo("| a |\n|---|\n| 1 |\n");
        assertThat(SECTION.in(README.replace("\n", "\r\n"))).isEqualTo("| a |\n|---|\n| 1 |\n");
    }

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String updated = SECTION.replace(README, "| a |\n|---|\n| 2 |\n");
        assertThat(updated).isEqualTo(README.replace("| 1 |", "| 2 |"));
        assertThat(SECTION.in(updated)).isEqualTo("| a |\n|---|\n| 2 |\n");
    }

    @Test
    void refusesAReadmeWithoutTheSection() {
        assertThatThrownBy(() -> SECTION.in("# Title\n")).hasMessageContaining("<!-- counts:start -->");
        assertThatThrownBy(() -> SECTION.in("<!-- counts:end -->\n<!-- counts:start -->\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** StatementBudgetIT compares its measured table with this section. */
    @Test
    void theReadmeHasTheStatementCountsTable() throws IOException {
        String table = new ReadmeSection("statement-counts").in(Files.readString(Path.of("README.md")));
        assertThat(table).startsWith("| read route | v1 | v2 | v3 (first) | v3 (again) |\n|---|---|---|---|---|\n")
                .endsWith("|\n");
    }
}
