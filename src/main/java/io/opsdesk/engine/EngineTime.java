package io.opsdesk.engine;

import java.time.Instant;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** OpsDesk reads the engine's clock, so tests that move Camunda's time move OpsDesk's too. */
public final class EngineTime {

    private EngineTime() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
