package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code timeouts { create = "30m" }} block of the resources whose provider schema has one:
 * configured durations (Go syntax, e.g. {@code 1h30m}, {@code 45s}) replace the provider's
 * defaults for that operation's waits.
 */
final class Timeouts {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

    private Timeouts() {}

    /** The block, with one optional duration per operation named. */
    static NestedBlock block(String... operations) {
        Schema.Builder schema = Schema.builder();
        for (String operation : operations) {
            schema.optional(operation, STRING);
        }
        return new NestedBlock("timeouts", NestedBlock.Nesting.SINGLE, schema.build(), 0, 1, false, false);
    }

    /** The configured timeout of {@code operation} in {@code values}, else {@code fallback}. */
    static Duration of(Map<String, Object> values, String operation, Duration fallback) {
        List<Map<String, Object>> blocks = Plain.blocks(values, "timeouts");
        String text = blocks.isEmpty() ? null : Ec2Resource.set(blocks.get(0), operation);
        return text == null ? fallback : parse(text);
    }

    /** A Go duration such as {@code 10m} or {@code 1h30m45s}. */
    static Duration parse(String text) {
        Matcher part = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            double amount = Double.parseDouble(part.group(1));
            long millis = switch (part.group(2)) {
                case "h" -> Math.round(amount * 3_600_000);
                case "m" -> Math.round(amount * 60_000);
                case "s" -> Math.round(amount * 1_000);
                default -> Math.round(amount);
            };
            total = total.plusMillis(millis);
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            throw new ProviderException("time: invalid duration \"" + text + "\"");
        }
        return total;
    }
}
