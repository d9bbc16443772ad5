package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageNormaliserTest {

    @Test
    void replacesIdsNumbersQuotedValuesAndTimestamps() {
        assertThat(MessageNormaliser.normalise(
                "2026-11-25T10:00:01.123+08:00 order 4711 of 'acme' (\"x\") ticket 3f2504e0-4f89-11d3-9a0c-0305e82c3301 at 0x7ffe12 obj@1b6d3586  took 1.5 s"))
                .isEqualTo("<time> order <n> of <value> (<value>) ticket <uuid> at <hex> obj@<hex> took <n> s");
    }

    @Test
    void leavesWordsAlone() {
        assertThat(MessageNormaliser.normalise("Cannot invoke because cafe is deadbeef")).isEqualTo("Cannot invoke because cafe is deadbeef");
    }
}
