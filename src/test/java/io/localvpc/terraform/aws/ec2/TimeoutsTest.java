package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.aws.ProviderHarness.assertProviderError;
import static io.localvpc.terraform.aws.ProviderHarness.config;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit test: the {@code timeouts} block's Go durations. */
class TimeoutsTest {

    @Test
    void goDurationsReplaceTheDefaultOfTheirOperationOnly() {
        var values = config("timeouts", List.of(config("create", "1h30m", "delete", null)));
        assertThat(Timeouts.of(values, "create", Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(90));
        assertThat(Timeouts.of(values, "delete", Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Timeouts.of(config(), "create", Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Timeouts.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(Timeouts.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertProviderError(() -> Timeouts.parse("ten minutes")).isEqualTo("time: invalid duration \"ten minutes\"");
    }
}
