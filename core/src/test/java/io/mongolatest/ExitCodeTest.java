package io.mongolatest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mongolatest.pipeline.RunOutcome;

/** SPEC §4: 0 success, 1 a step failed, 2 usage, configuration or input error, 3 held, 4 cancelled. */
class ExitCodeTest {
    @Test
    void theCodesAreTheSpecs() {
        assertThat(ExitCode.values()).extracting(ExitCode::code).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void errorKindsAndRunOutcomesAgreeOnTheCodes() {
        assertThat(ErrorKind.USER.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(ErrorKind.EXTERNAL.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(ErrorKind.INTERNAL.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(ErrorKind.HELD.exitCode()).isEqualTo(RunOutcome.HELD.exitCode()).isEqualTo(3);
        assertThat(ErrorKind.CANCELLED.exitCode()).isEqualTo(RunOutcome.CANCELLED.exitCode()).isEqualTo(4);
        assertThat(RunOutcome.COMPLETED.exitCode()).isZero();
        assertThat(RunOutcome.FAILED.exitCode()).isEqualTo(1);
    }
}
