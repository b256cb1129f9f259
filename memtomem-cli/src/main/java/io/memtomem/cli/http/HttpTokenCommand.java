package io.memtomem.cli.http;

import io.memtomem.cli.CliContext;
import io.memtomem.cli.ExitCode;
import io.memtomem.core.config.MemtomemConfig;
import io.memtomem.core.remote.HttpToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code mm http-token [--rotate]}: the bearer token of the store's HTTP server when it listens beyond loopback. */
@Command(name = "http-token", description = {
        "Print the bearer token a memtomem-server --transport http bound to a non-loopback --host requires.",
        "The token is created on first use and kept in the store dir (mode 0600). Clients send it as "
                + "'Authorization: Bearer <token>'. --rotate replaces it; the old one stops working at once."})
public final class HttpTokenCommand implements Callable<Integer> {
    @Option(names = "--rotate", description = "Replace the token with a new random one and print that.")
    boolean rotate;

    private final CliContext context;

    public HttpTokenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MemtomemConfig config = context.loadConfiguredConfig();
        String token = rotate ? HttpToken.rotate(config.storeDir()) : HttpToken.readOrCreate(config.storeDir());
        context.out().println(token);
        if (rotate) {
            context.err().println("The previous token no longer works; give the new one to every HTTP client.");
        }
        return ExitCode.OK.code();
    }
}
