package io.localvpc.dataplane.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The {@code sleep NUMBER[smhd]...} builtin of GNU coreutils: it prints nothing and only reports
 * the simulated time it would take (the arguments add up), so a script's duration, and with it
 * Run Command's execution timeout, can be exercised without anybody waiting.
 */
final class Sleep {
    private Sleep() {}

    static ExecResult run(List<String> args) {
        if (args.isEmpty()) {
            return ExecResult.error("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
        }
        Duration total = Duration.ZERO;
        for (String arg : args) {
            Duration one = parse(arg);
            if (one == null) {
                return ExecResult.error("sleep: invalid time interval '" + arg + "'\n"
                        + "Try 'sleep --help' for more information.\n", 1);
            }
            total = total.plus(one);
        }
        return ExecResult.ok("").withElapsed(total);
    }

    private static Duration parse(String arg) {
        if (arg.isEmpty()) {
            return null;
        }
        char unit = arg.charAt(arg.length() - 1);
        long factor = switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            default -> 0;
        };
        String number = factor == 0 ? arg : arg.substring(0, arg.length() - 1);
        try {
            BigDecimal seconds = new BigDecimal(number).multiply(BigDecimal.valueOf(factor == 0 ? 1 : factor));
            if (seconds.signum() < 0 || number.startsWith("+") || number.contains("e") || number.contains("E")) {
                return null;
            }
            return Duration.ofNanos(seconds.movePointRight(9).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
