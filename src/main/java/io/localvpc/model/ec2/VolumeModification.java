package io.localvpc.model.ec2;

import io.localvpc.model.Timed;
import java.time.Instant;

/**
 * The latest ModifyVolume of a volume, keyed by the volume's id (EC2 allows one at a time per
 * volume). It moves modifying → optimizing → completed on its own; the volume takes the target
 * configuration when optimizing begins, as the new size is usable from then on.
 */
public record VolumeModification(
        String id,
        String state,
        int progress,
        Volume.Configuration original,
        Volume.Configuration target,
        Instant startTime,
        Instant endTime,
        Instant dueAt)
        implements Timed {

    /** Whether the volume is still being modified, so another modification must wait. */
    public boolean inProgress() {
        return state.equals("modifying") || state.equals("optimizing");
    }

    public VolumeModification optimizing(Instant nextDue) {
        return new VolumeModification(id, "optimizing", 50, original, target, startTime, null, nextDue);
    }

    public VolumeModification completed(Instant at) {
        return new VolumeModification(id, "completed", 100, original, target, startTime, at, null);
    }
}
