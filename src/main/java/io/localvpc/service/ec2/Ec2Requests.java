package io.localvpc.service.ec2;

import io.localvpc.api.AwsException;
import io.localvpc.model.Resource;
import io.localvpc.model.StateView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/** Steps every EC2 handler shares: DryRun, and selecting resources by an id list. */
public final class Ec2Requests {
    private Ec2Requests() {}

    /**
     * {@code DryRun=true} asks only whether the caller may do this; LocalVPC allows everything,
     * so the answer is always the DryRunOperation error, after the request's own checks.
     */
    public static void checkDryRun(Boolean dryRun) {
        if (Boolean.TRUE.equals(dryRun)) {
            throw Ec2Errors.dryRun();
        }
    }

    /**
     * The resources an id list names (all of them when the list is empty), in the model's order.
     * An unknown id fails the whole call with the resource's NotFound error, as EC2 does.
     */
    public static <T extends Resource> List<T> selectByIds(
            StateView state, Class<T> type, List<String> ids, Function<String, AwsException> notFound) {
        Collection<T> all = state.all(type);
        if (ids == null || ids.isEmpty()) {
            return List.copyOf(all);
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>(ids);
        List<String> missing = new ArrayList<>();
        for (String id : wanted) {
            if (state.find(type, id).isEmpty()) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw notFound.apply(String.join("', '", missing));
        }
        return all.stream().filter(r -> wanted.contains(r.id())).toList();
    }
}
