package io.localvpc.dataplane.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A trace as {@code localvpc trace} prints it: one line per hop, then {@code reachable} or {@code not reachable: CODE explanation}. */
public final class TraceText {
    private TraceText() {}

    /** Renders the JSON form of a {@link TraceReport} (what {@code POST /_localvpc/trace} answers). */
    public static List<String> lines(JsonNode report) {
        List<String> lines = new ArrayList<>();
        String port = report.path("port").isNull() || report.path("port").isMissingNode() ? "" : " port " + report.path("port").asText();
        lines.add("trace " + report.path("source").asText() + " (" + report.path("sourceAddress").asText() + ") → "
                + report.path("destination").asText() + " (" + report.path("destinationAddress").asText() + ") "
                + report.path("protocol").asText() + port);
        int n = 1;
        for (JsonNode hop : report.path("hops")) {
            StringBuilder line = new StringBuilder(String.format("%3d  %-24s %-18s %-22s %s", n++,
                    hop.path("component").asText(), hop.path("kind").asText(), hop.path("action").asText(),
                    hop.path("detail").asText("")));
            if (hop.hasNonNull("translation")) {
                line.append("  [").append(hop.path("translation").asText()).append(']');
            }
            lines.add(line.toString().stripTrailing());
        }
        JsonNode why = report.path("explanation");
        if (report.path("reachable").asBoolean()) {
            String rtt = report.hasNonNull("roundTripMillis")
                    ? String.format(" (%s, %.2f ms)", report.path("outcome").asText().toLowerCase(java.util.Locale.ROOT),
                            report.path("roundTripMillis").asDouble())
                    : why.isObject() ? " (" + why.path("code").asText() + ": " + why.path("message").asText() + ")" : "";
            lines.add("reachable" + rtt);
        } else {
            lines.add("not reachable: " + why.path("code").asText() + " " + why.path("message").asText());
        }
        return lines;
    }
}
