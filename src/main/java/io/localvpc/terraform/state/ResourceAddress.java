package io.localvpc.terraform.state;

/** A resource or data source of the root module: {@code aws_vpc.main}, {@code data.aws_ami.al2}. */
public record ResourceAddress(Mode mode, String type, String name) implements Comparable<ResourceAddress> {

    /** Whether Terraform manages the object's lifecycle or only reads it. */
    public enum Mode {
        MANAGED("managed"),
        DATA("data");

        private final String stateName;

        Mode(String stateName) {
            this.stateName = stateName;
        }

        /** The word {@code terraform.tfstate} uses. */
        public String stateName() {
            return stateName;
        }

        public static Mode fromStateName(String name) {
            return "data".equals(name) ? DATA : MANAGED;
        }
    }

    public static ResourceAddress managed(String type, String name) {
        return new ResourceAddress(Mode.MANAGED, type, name);
    }

    public static ResourceAddress data(String type, String name) {
        return new ResourceAddress(Mode.DATA, type, name);
    }

    /** Parses {@code aws_vpc.main} or {@code data.aws_ami.x} (no index). */
    public static ResourceAddress parse(String text) {
        String[] parts = text.split("\\.");
        if (parts.length == 3 && parts[0].equals("data")) {
            return data(parts[1], parts[2]);
        }
        if (parts.length == 2) {
            return managed(parts[0], parts[1]);
        }
        throw new IllegalArgumentException("Invalid address: " + text);
    }

    public InstanceAddress instance(Object key) {
        return new InstanceAddress(this, key);
    }

    @Override
    public String toString() {
        return (mode == Mode.DATA ? "data." : "") + type + "." + name;
    }

    /** Terraform's order in state files and listings: data sources first, then by type and name. */
    @Override
    public int compareTo(ResourceAddress o) {
        int c = mode.stateName().compareTo(o.mode.stateName());
        if (c == 0) {
            c = type.compareTo(o.type);
        }
        return c != 0 ? c : name.compareTo(o.name);
    }
}
