package io.localvpc.dataplane.shell;

/** The shell tests' scenarios, for tests in other packages. */
public final class ScenarioAccess {
    private ScenarioAccess() {}

    public static FakeNetwork natHandsOn() {
        return Scenario.natHandsOn();
    }
}
