package io.memtomem.server;

import io.memtomem.core.Version;
import io.memtomem.core.config.Environment;
import io.memtomem.server.http.HttpServerProcess;
import io.memtomem.server.lifecycle.TerminalGuard;
import io.memtomem.server.logging.ServerLog;
import io.memtomem.server.training.TrainingRun;
import io.memtomem.server.transport.ProtocolOutput;

/**
 * {@code memtomem-server}: the MCP stdio server an MCP host spawns, or with {@code --transport http} one Streamable
 * HTTP server many hosts connect to. Only MCP frames ever reach stdout: fd 1 is taken
 * as a private stream before {@code System.out} is pointed at stderr. No static logger here, so the log level from
 * the environment is set before slf4j starts.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && args[0].equals("--train")) {
            System.exit(TrainingRun.run());
        }
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("memtomem-server " + Version.current());
            System.exit(0);
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        ServerArguments arguments;
        try {
            arguments = ServerArguments.parse(args);
        } catch (ServerArguments.Invalid e) {
            System.err.println("memtomem-server: " + e.getMessage() + "\n" + ServerArguments.USAGE + "\n");
            System.err.print(TerminalGuard.hostSetupHelp(System.getProperty("memtomem.bin"), windows));
            System.exit(2);
            return;
        }
        if (arguments.http()) {
            Environment environment = Environment.system();
            ServerLog log = ServerLog.install(environment.env());
            System.exit(new HttpServerProcess(environment, log, arguments.host(), arguments.port()).run());
        }
        if (TerminalGuard.startedByHand()) {
            System.err.print(TerminalGuard.hostSetupHelp(System.getProperty("memtomem.bin"), windows));
            System.exit(2);
        }
        ProtocolOutput protocol = ProtocolOutput.stdout();
        Environment environment = Environment.system();
        ServerLog log = ServerLog.install(environment.env());
        System.exit(new ServerProcess(environment, System.in, protocol, log, true).run());
    }
}
