package io.memtomem.server.tools;

import io.memtomem.core.MemtomemException;

import java.util.List;

/**
 * The tools of a server whose configuration is broken (a bad value in config.json, an invalid {@code MEMTOMEM_*}
 * variable). The server still answers {@code initialize} and lists its tools, because a host that sees only "failed
 * to connect" tells nobody why; every tool then answers the problem and its fix, and {@code mem_status} reports it.
 */
public final class ConfigProblemTools {
    private ConfigProblemTools() {
    }

    static List<Operation> answering(List<Operation> tools, MemtomemException problem) {
        return tools.stream().map(tool -> new Operation(tool.name(), tool.category(), tool.description(),
                tool.schema(), tool.name().equals("mem_status") ? call -> status(problem) : call -> {
                    throw new MemtomemException(message(problem));
                })).toList();
    }

    /** The problem and its fix, as every tool (and a resource read) answers it. */
    public static String message(MemtomemException problem) {
        return "memtomem-server cannot use its configuration: " + problem.getMessage() + " " + FIX;
    }

    private static final String FIX = "Fix: correct that setting in ~/.memtomem/config.json (or the environment "
            + "variable named) in a terminal, then restart memtomem-server (reconnect it in your MCP host); "
            + "`mm status` shows the same problem.";

    private static String status(MemtomemException problem) {
        return "memtomem Status\n===============\n\nWarnings\n--------\n- config_invalid: " + problem.getMessage()
                + "\n  fix: " + FIX.substring("Fix: ".length()) + "\n";
    }
}
