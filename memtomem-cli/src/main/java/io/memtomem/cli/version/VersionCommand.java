package io.memtomem.cli.version;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.core.Version;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code mm version}: the Python memtomem's spelling of {@code mm --version}, naming this implementation. */
@Command(name = "version", description = "Print the version (memtomem-java <version>); mm --version prints the bare "
        + "version.")
public final class VersionCommand implements Callable<Integer> {
    private final CliContext context;

    public VersionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println("memtomem-java " + Version.current());
        return ExitCode.OK.code();
    }
}
