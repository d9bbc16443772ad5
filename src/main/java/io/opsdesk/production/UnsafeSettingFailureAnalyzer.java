package io.opsdesk.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused production setting as a short message instead of a stack trace. */
class UnsafeSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix " + cause.setting() + " (docs/configuration.md#production-profile) / 请修改 " + cause.setting(), cause);
    }
}
