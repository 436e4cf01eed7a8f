package io.localvpc.model.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.model.ssm.Command.Invocation;
import io.localvpc.model.ssm.Command.Outcome;
import io.localvpc.store.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invocation timeline and the command status derived from its invocations, as plain values. */
class CommandTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Outcome OK = new Outcome("ok\n", "", 0, Command.SUCCESS, Command.SUCCESS);
    private static final Outcome BAD = new Outcome("", "failed to run commands: exit status 1\n", 1, Command.FAILED,
            Command.FAILED);

    private static Invocation delivered(String id, Outcome outcome) {
        return Invocation.pending(id, T0.plusSeconds(60)).delivered(T0.plusSeconds(1), T0.plusSeconds(4), outcome);
    }

    private static Command command(String maxErrors, Invocation... invocations) {
        return new Command("c", "AWS-RunShellScript", null, Map.of("commands", List.of("true")), List.of(), List.of(),
                T0, 60, "50", maxErrors, List.of(invocations));
    }

    @Test
    void an_invocation_follows_its_timeline() {
        Invocation i = delivered("i-1", OK);
        assertThat(i.at(T0).status()).isEqualTo(Command.PENDING);
        assertThat(i.nextChange()).isEqualTo(T0.plusSeconds(1));
        assertThat(i.at(T0.plusSeconds(2)).status()).isEqualTo(Command.IN_PROGRESS);
        Invocation done = i.at(T0.plusSeconds(100));
        assertThat(done.status()).isEqualTo(Command.SUCCESS);
        assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(done.nextChange()).isNull();

        Invocation undelivered = Invocation.pending("i-2", T0.plusSeconds(60)).at(T0.plusSeconds(60));
        assertThat(undelivered.status()).isEqualTo(Command.TIMED_OUT);
        assertThat(undelivered.statusDetails()).isEqualTo(Command.DELIVERY_TIMED_OUT);
        assertThat(undelivered.deliveryTimedOut()).isTrue();
        assertThat(undelivered.error()).as("does not count as an error").isFalse();
    }

    @Test
    void the_command_status_comes_from_its_invocations_and_max_errors() {
        Instant later = T0.plusSeconds(100);
        assertThat(command("0", delivered("i-1", OK), delivered("i-2", OK)).summary().status()).isEqualTo(Command.PENDING);
        assertThat(command("0", delivered("i-1", OK)).at(T0.plusSeconds(2)).summary().status()).isEqualTo(Command.IN_PROGRESS);
        Command.Summary success = command("0", delivered("i-1", OK), delivered("i-2", OK)).at(later).summary();
        assertThat(success).isEqualTo(new Command.Summary(Command.SUCCESS, Command.SUCCESS, 2, 2, 0, 0));
        Command.Summary failed = command("0", delivered("i-1", OK), delivered("i-2", BAD)).at(later).summary();
        assertThat(failed).isEqualTo(new Command.Summary(Command.FAILED, Command.FAILED, 2, 2, 1, 0));
        Command.Summary tolerated = command("50%", delivered("i-1", OK), delivered("i-2", BAD)).at(later).summary();
        assertThat(tolerated.statusDetails()).isEqualTo("Incomplete");
        Command.Summary oneLost = command("1", delivered("i-1", BAD), Invocation.pending("i-2", T0.plusSeconds(60)))
                .at(later).summary();
        assertThat(oneLost).as("a delivery timeout is not an error").isEqualTo(
                new Command.Summary(Command.SUCCESS, "Incomplete", 2, 2, 1, 1));
        Command.Summary lost = command("0", Invocation.pending("i-1", T0.plusSeconds(60))).at(later).summary();
        assertThat(lost).isEqualTo(new Command.Summary(Command.TIMED_OUT, Command.DELIVERY_TIMED_OUT, 1, 1, 0, 1));
        Command cancelled = command("0", delivered("i-1", OK)).at(T0.plusSeconds(2)).cancelled(List.of(), T0.plusSeconds(3));
        assertThat(cancelled.summary().status()).isEqualTo(Command.CANCELLED);
        assertThat(cancelled.at(later).summary().status()).as("stays cancelled").isEqualTo(Command.CANCELLED);
        assertThat(cancelled.dueAt()).isNull();
    }

    @Test
    void a_command_round_trips_through_the_store_format() throws Exception {
        Command command = command("0", delivered("i-1", OK), Invocation.pending("i-2", T0.plusSeconds(60)));
        var mapper = Json.mapper();
        String json = mapper.writeValueAsString(new io.localvpc.model.Change.Put(command));
        assertThat(((io.localvpc.model.Change.Put) mapper.readValue(json, io.localvpc.model.Change.class)).resource())
                .isEqualTo(command);
    }
}
