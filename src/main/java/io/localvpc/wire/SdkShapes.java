package io.localvpc.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/** Creates SDK model builders by class, through each model class's static {@code builder()}. */
public final class SdkShapes {
    private static final ConcurrentHashMap<Class<?>, MethodHandle> BUILDERS = new ConcurrentHashMap<>();

    private SdkShapes() {}

    public static SdkPojo newBuilder(Class<?> shape) {
        MethodHandle factory = BUILDERS.computeIfAbsent(shape, SdkShapes::findBuilder);
        try {
            return (SdkPojo) factory.invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create a builder for " + shape.getName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T build(SdkPojo builder) {
        return (T) ((SdkBuilder<?, ?>) builder).build();
    }

    private static MethodHandle findBuilder(Class<?> shape) {
        try {
            Class<?> builderType = shape.getMethod("builder").getReturnType();
            return MethodHandles.publicLookup().findStatic(shape, "builder", MethodType.methodType(builderType));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(shape.getName() + " is not an SDK model shape", e);
        }
    }
}
