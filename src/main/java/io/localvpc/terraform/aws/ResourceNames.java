package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Unknown;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Names and identifiers the provider makes up itself: {@code name} / {@code name_prefix}
 * generation ({@code terraform-20240417120000123400000001}: a UTC timestamp to the ten-thousandth
 * of a second and an 8-hex-digit counter, 26 characters after the prefix), and reading the prefix
 * back from a name that carries such a suffix.
 */
public final class ResourceNames {
    public static final String DEFAULT_PREFIX = "terraform-";
    static final int SUFFIX_LENGTH = 26;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSS").withZone(ZoneOffset.UTC);
    private static final Pattern SUFFIX = Pattern.compile("[0-9A-Fa-f]{" + SUFFIX_LENGTH + "}$");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile Clock clock = Clock.systemUTC();

    private ResourceNames() {}

    /** {@code prefix} followed by a unique 26-character suffix. */
    public static String unique(String prefix) {
        return prefix + STAMP.format(clock.instant()) + String.format("%08x", COUNTER.incrementAndGet());
    }

    /** The configured name, else a unique name from the configured prefix, else from {@code terraform-}. */
    public static String generate(String name, String prefix) {
        if (name != null && !name.isEmpty()) {
            return name;
        }
        return unique(prefix != null && !prefix.isEmpty() ? prefix : DEFAULT_PREFIX);
    }

    /**
     * Plans {@code name} and {@code name_prefix} of a new resource: a name left out is only known
     * after apply, and so is the prefix unless configured.
     */
    public static void plan(Map<String, Object> prior, Map<String, Object> proposed, Map<String, Object> planned) {
        if (prior == null && Plain.string(proposed, "name") == null) {
            planned.put("name", Unknown.VALUE);
            planned.put("name_prefix", Plain.string(proposed, "name_prefix") == null ? Unknown.VALUE : proposed.get("name_prefix"));
        }
    }

    /** The prefix a generated name was made from, or "" (what state holds) when the name was not generated. */
    public static String prefixOf(String name) {
        if (name == null || !SUFFIX.matcher(name).find() || name.length() <= SUFFIX_LENGTH) {
            return "";
        }
        return name.substring(0, name.length() - SUFFIX_LENGTH);
    }
}
