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
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException notContextAware) {
            return CommandLine.defaultFactory().create(type);
        }
        return constructor.newInstance(context);
    }
}
