package io.localvpc.terraform.engine;

import io.localvpc.terraform.state.InstanceAddress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lines Terraform prints while it works ({@code aws_vpc.main: Creating...},
 * {@code Still creating... [10s elapsed]}, {@code Creation complete after 1s [id=vpc-…]}), one
 * whole line at a time from any thread, and the every-ten-seconds reminders for slow operations.
 */
public final class Progress implements AutoCloseable {
    /** How often Terraform reminds that an operation is still running. */
    static final Duration REMINDER = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final Map<InstanceAddress, Running> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService reminders;

    private record Running(String verb, String id, long startedNanos, java.util.concurrent.atomic.AtomicInteger reminded) {}

    public Progress(PrintWriter out) {
        this.out = out;
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Starts an operation: prints {@code X: Creating...} and reminds every ten seconds until {@link #done}. */
    void start(InstanceAddress address, String startWord, String stillWord, String id) {
        line(address + ": " + startWord + (id == null ? "..." : "... [id=" + id + "]"));
        running.put(address, new Running(stillWord, id, System.nanoTime(), new java.util.concurrent.atomic.AtomicInteger()));
        ensureReminders();
    }

    /** Ends an operation and returns how long it took, in Terraform's words ({@code 1s}, {@code 1m2s}). */
    String done(InstanceAddress address) {
        Running r = running.remove(address);
        return r == null ? "0s" : elapsed(System.nanoTime() - r.startedNanos());
    }

    private synchronized void ensureReminders() {
        if (reminders == null) {
            reminders = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "terraform-progress");
                t.setDaemon(true);
                return t;
            });
            reminders.scheduleAtFixedRate(this::remind, REMINDER.toMillis(), 1000, TimeUnit.MILLISECONDS);
        }
    }

    private void remind() {
        long now = System.nanoTime();
        running.forEach((address, r) -> {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(now - r.startedNanos());
            int due = (int) (seconds / REMINDER.toSeconds());
            if (due > r.reminded().get()) {
                r.reminded().set(due);
                line(address + ": Still " + r.verb() + "... [" + (r.id() == null ? "" : "id=" + r.id() + ", ")
                        + elapsed(TimeUnit.SECONDS.toNanos(due * REMINDER.toSeconds())) + " elapsed]");
            }
        });
    }

    /** A duration truncated to whole seconds, as Go prints it: {@code 0s}, {@code 10s}, {@code 1m2s}. */
    static String elapsed(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m" + (seconds % 60) + "s";
        }
        return (minutes / 60) + "h" + (minutes % 60) + "m" + (seconds % 60) + "s";
    }

    @Override
    public synchronized void close() {
        if (reminders != null) {
            reminders.shutdownNow();
            reminders = null;
        }
    }
}
