package io.localvpc.terraform.engine;

import io.localvpc.terraform.config.Configuration;
import io.localvpc.terraform.config.DependencyGraph;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Provider;
import io.localvpc.terraform.state.State;
import io.localvpc.terraform.state.StateFile;
import java.util.Map;

/** The engine's entry points: plan (or plan a destroy) then apply, over one run's state. */
public final class Engine {
    private final Run run;

    public Engine(Configuration config, Map<String, Value> variables, Provider provider, AwsContext aws, State state,
            StateFile stateFile, int parallelism, Progress progress) {
        this.run = new Run(config, DependencyGraph.of(config), provider, aws, state, stateFile, new Scope(config, variables),
                parallelism, progress);
    }

    /** Refreshes the state and plans the changes the configuration asks for (or, with {@code destroy}, the destruction). */
    public Plan plan(boolean destroy) {
        return new Planner(run).plan(destroy);
    }

    /** Carries out a plan this engine made; the state file is written after every operation. */
    public Applier.Result apply(Plan plan) {
        return new Applier(run).apply(plan);
    }

    public State state() {
        return run.state();
    }
}
