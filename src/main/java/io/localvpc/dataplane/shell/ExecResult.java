package io.localvpc.dataplane.shell;

import java.time.Duration;

/**
 * What a command line run on an instance left behind: its standard output, standard error and exit
 * status, and how long it ran in simulated time (tools never sleep; they say how long they would
 * have taken, e.g. {@code ping -c 4} about three seconds). Run Command uses the duration to decide
 * when an invocation finishes.
 */
public record ExecResult(String stdout, String stderr, int exitCode, Duration elapsed) {

    public ExecResult {
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** A result that took no noticeable time. */
    public ExecResult(String stdout, String stderr, int exitCode) {
        this(stdout, stderr, exitCode, Duration.ZERO);
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(stdout, "", 0);
    }

    public static ExecResult error(String stderr, int exitCode) {
        return new ExecResult("", stderr, exitCode);
    }

    public ExecResult withElapsed(Duration duration) {
        return new ExecResult(stdout, stderr, exitCode, duration);
    }

    public ExecResult withExitCode(int code) {
        return new ExecResult(stdout, stderr, code, elapsed);
    }

    /**
     * This result followed by {@code next}, as a shell running two commands in a row prints them;
     * the exit status is the last one's, the time both together.
     */
    public ExecResult then(ExecResult next) {
        return new ExecResult(stdout + next.stdout, stderr + next.stderr, next.exitCode, elapsed.plus(next.elapsed));
    }
}
