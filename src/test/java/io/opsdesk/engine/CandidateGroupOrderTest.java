package io.opsdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which candidate group is a task's first: the one its model names first; groups from an expression follow alphabetically. */
class CandidateGroupOrderTest {

    @Test
    void theModelsOrderDecidesWhichGroupIsFirst() {
        assertThat(CandidateGroupOrder.ordered(Set.of("support", "supervisors"), "supervisors, support"))
                .containsExactly("supervisors", "support");
        assertThat(CandidateGroupOrder.ordered(Set.of("support", "supervisors"), "support,supervisors"))
                .containsExactly("support", "supervisors");
    }

    @Test
    void groupsFromAnExpressionComeAlphabeticallyAfterTheNamedOnes() {
        assertThat(CandidateGroupOrder.ordered(Set.of("support", "development", "managers"), "${groups}"))
                .containsExactly("development", "managers", "support");
        assertThat(CandidateGroupOrder.ordered(Set.of("support", "development"), null)).containsExactly("development", "support");
        assertThat(CandidateGroupOrder.ordered(Set.of(), "support")).isEmpty();
    }
}
