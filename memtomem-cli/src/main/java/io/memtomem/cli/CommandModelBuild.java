package io.memtomem.cli;

import io.memtomem.cli.model.CommandModelWriter;

import java.io.IOException;
import java.nio.file.Path;

/** Build step (process-classes): writes picocli's reading of the {@code mm} annotations into the classes directory. */
public final class CommandModelBuild {
    private CommandModelBuild() {
    }

    public static void main(String[] args) throws IOException {
        // the model is read from the classes, never run: commands are made without a context
        CommandModelWriter.write(Path.of(args[0]), MmCommand.class, MmCommand.SUBCOMMANDS.values(),
                new ContextFactory(null));
    }
}
