package io.localvpc.service.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.model.StateView;
import io.localvpc.model.iam.ManagedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies LocalVPC knows ({@code arn:aws:iam::aws:policy/...}), read once from
 * {@code iam/aws-managed-policies.json}. They exist in every account and cannot be changed, so they
 * are not part of any account's state; only which roles attach them is.
 */
public final class AwsManagedPolicies {
    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy";
    private static final Map<String, ManagedPolicy> BY_ARN = load("/iam/aws-managed-policies.json");

    private AwsManagedPolicies() {}

    public static Optional<ManagedPolicy> find(String arn) {
        return Optional.ofNullable(arn == null ? null : BY_ARN.get(arn));
    }

    public static Collection<ManagedPolicy> all() {
        return BY_ARN.values();
    }

    public static boolean isAwsManaged(String arn) {
        return arn.startsWith(ARN_PREFIX + "/");
    }

    /** A policy by ARN, AWS managed or the account's own. */
    public static Optional<ManagedPolicy> findAny(StateView account, String arn) {
        return find(arn).or(() -> account.find(ManagedPolicy.class, arn));
    }

    private static Map<String, ManagedPolicy> load(String resource) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue " + resource);
            }
            Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();
            for (JsonNode entry : json.readTree(in)) {
                String name = entry.get("name").asText();
                String arn = ARN_PREFIX + "/" + name;
                Instant created = Instant.parse(entry.get("createDate").asText());
                Instant updated = Instant.parse(entry.get("updateDate").asText());
                var version = new ManagedPolicy.Version(entry.get("defaultVersionId").asText(),
                        json.writeValueAsString(entry.get("document")), true, updated);
                // AWS managed policy ids are fixed per policy; derive a stable one from the name.
                String policyId = "ANPA" + stableSuffix(name);
                byArn.put(arn, new ManagedPolicy(arn, name, policyId, "/", entry.get("description").asText(),
                        created, updated, List.of(version), List.of()));
            }
            return Map.copyOf(byArn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stableSuffix(String name) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        long hash = name.hashCode() * 0x9E3779B97F4A7C15L;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            out.append(alphabet.charAt((int) ((hash >>> (i * 3)) & 31)));
        }
        return out.toString();
    }
}
