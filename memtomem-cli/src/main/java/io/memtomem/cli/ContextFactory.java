package io.memtomem.cli;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import java.lang.reflect.Constructor;

/** Hands the {@link CliContext} to every command that declares a {@code (CliContext)} constructor. */
final class ContextFactory implements IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        // a search, not getDeclaredConstructor(CliContext.class): every mixin and converter would throw and catch a
        // NoSuchMethodException in each start
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CliContext.class) {
                return type.cast(constructor.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
