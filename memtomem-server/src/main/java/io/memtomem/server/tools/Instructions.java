package io.memtomem.server.tools;

import java.util.List;

/**
 * The {@code instructions} of the initialize reply (memory-core §7.5): what memtomem is, the defaults for a single
 * agent, the namespace conventions, each exposed tool with its purpose, and how to reach the rest. Generated from the
 * exposed tools so the text always matches the active mode.
 */
public final class Instructions {
    private Instructions() {
    }

    public static String forTools(ToolMode mode, List<Operation> exposed) {
        StringBuilder text = new StringBuilder()
                .append("memtomem: long-term memory kept as plain Markdown files and indexed for search.\n\n")
                .append("Write with mem_add, find with mem_search; that is all a single agent needs. ")
                .append("Namespaces: \"default\" for your own notes, \"shared\" for notes several agents read, ")
                .append("\"agent-runtime:<id>\" for one agent's working notes (hidden from search unless you ")
                .append("pass that namespace).\n\nTools:");
        for (Operation tool : exposed) {
            text.append("\n- ").append(tool.name()).append(": ").append(tool.summary());
        }
        text.append("\n\n");
        if (mode == ToolMode.FULL) {
            text.append("Each mem_do action is also its own mem_<action> tool above; mem_do reaches the same ")
                    .append("actions by name.");
        } else if (mode == ToolMode.STANDARD) {
            text.append("The mem_<action> tools above are mem_do actions; everything else runs through ")
                    .append("mem_do(action=\"<name>\", params={…}); mem_do(action=\"help\") lists them all.");
        } else {
            text.append("Everything else runs through mem_do(action=\"<name>\", params={…}); ")
                    .append("mem_do(action=\"help\") lists the actions and their parameters.");
        }
        return text.append("\n\nWhen in doubt, use mem_add and mem_search with no extras.").toString();
    }
}
