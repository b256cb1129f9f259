package io.memtomem.server.tools;

import io.memtomem.core.MemtomemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every tool and action the server offers, and which of them a tool mode exposes: {@code core} the nine core tools,
 * {@code standard} also the actions of the reference's standard packs, {@code full} every {@code mem_do} action, each
 * as its own {@code mem_<action>} tool with the same handler.
 */
public final class ToolCatalog {
    private final List<Operation> coreTools;
    private final List<Operation> actions;
    private final MemtomemException configProblem;

    private ToolCatalog(List<Operation> coreTools, List<Operation> actions, MemtomemException configProblem) {
        this.coreTools = List.copyOf(coreTools);
        this.actions = List.copyOf(actions);
        this.configProblem = configProblem;
    }

    public static ToolCatalog create(ServerContext context) {
        SearchTools search = new SearchTools(context);
        MemoryWriteTools write = new MemoryWriteTools(context);
        StatusTools status = new StatusTools(context);
        BrowseTools browse = new BrowseTools(context);
        DoTool doTool = new DoTool(List.of(
                write.edit(), write.delete(), write.batchAdd(),
                search.expand(),
                browse.namespaceList(),
                browse.tagList(), new TagTools(context).autoTag(),
                new ConfigAction(context).config(), status.embeddingReset(), status.version(),
                status.stats().withName("stats").withCategory("advanced")));
        List<Operation> core = List.of(search.search(), write.add(), new IndexTool(context).index(),
                new RecallTool(context).recall(), status.status(), status.stats(), browse.list(), browse.read(),
                doTool.operation());
        return new ToolCatalog(core, doTool.actions(), context.configProblem());
    }

    public List<Operation> coreTools() {
        return coreTools;
    }

    /** The {@code mem_do} actions, {@code help} first. */
    public List<Operation> actions() {
        return actions;
    }

    public List<Operation> exposed(ToolMode mode) {
        List<Operation> tools = new ArrayList<>(coreTools);
        Set<String> taken = coreTools.stream().map(Operation::name).collect(Collectors.toSet());
        actions.stream().filter(mode::exposesAsTool)
                .map(action -> action.withName("mem_" + action.name()))
                .filter(tool -> !taken.contains(tool.name()))
                .forEach(tools::add);
        return configProblem == null ? tools : ConfigProblemTools.answering(tools, configProblem);
    }
}
