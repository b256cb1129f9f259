package io.memtomem.cli.completion;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code mm completion}: picocli's generated completion script (bash, and zsh through bashcompinit). */
@Command(name = "completion", description = {
        "Print a bash/zsh completion script for mm.",
        "Enable it for this shell with:  source <(mm completion)"})
public final class CompletionCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    public CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        return ExitCode.OK.code();
    }
}
