package io.memtomem.server.tools;

import io.memtomem.core.EditDistance;
import io.memtomem.server.tools.schema.ArgumentException;
import io.memtomem.server.tools.schema.Args;
import io.memtomem.server.tools.schema.InputSchema;
import io.memtomem.server.tools.schema.Param;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mem_do}: one tool that reaches every action beyond the core tools, so hosts see a small tool list. Action
 * names are normalised ({@code Tag-List}, {@code mem_tag_list} → {@code tag_list}), the reference's aliases resolve
 * ({@code namespace_*} → {@code ns_*}, {@code tag_auto} → {@code auto_tag}), and an unknown name gets did-you-mean
 * suggestions.
 */
public final class DoTool {
    static final InputSchema SCHEMA = InputSchema.of(
            Param.string("action", "The action to run; \"help\" lists them all.").required(),
            Param.object("params", "The action's parameters, e.g. {\"chunk_id\": \"…\"}; see "
                    + "mem_do(action=\"help\", params={\"category\": \"…\"})."));
    private static final String ALIAS_PREFIX = "namespace_";
    private static final Map<String, String> ALIASES = Map.of("tag_auto", "auto_tag");
    private static final int MAX_SUGGESTIONS = 3;

    private final Map<String, Operation> actions = new LinkedHashMap<>();

    public DoTool(List<Operation> actions) {
        Map<String, List<Operation>> categories = byCategory(actions);
        Operation help = new Operation("help", "meta", "List the actions by category, or one category's actions "
                + "with their parameters.", InputSchema.of(
                        Param.string("category", "Show this category's actions with their parameters.")
                                .oneOf(categories.keySet().toArray(String[]::new))),
                call -> help(categories, call.args().string("category")));
        this.actions.put(help.name(), help);
        actions.forEach(action -> this.actions.put(action.name(), action));
    }

    public Operation operation() {
        return new Operation("mem_do", "core", "Run any other memory action by name: edit, delete, batch_add, "
                + "expand, tag_list, ns_list, config, version, embedding_reset and more. Start with "
                + "action=\"help\".", SCHEMA, this::dispatch);
    }

    /** Every action including {@code help}, in registration order. */
    public List<Operation> actions() {
        return List.copyOf(actions.values());
    }

    private String dispatch(ToolCall call) {
        Operation action = resolve(call.args().string("action"));
        Args params;
        try {
            params = action.schema().read(call.args().object("params"));
        } catch (ArgumentException e) {
            throw new ArgumentException(e.parameter(), "invalid parameter for action '" + action.name() + "': "
                    + e.getMessage());
        }
        return action.handler().handle(call.withArgs(params));
    }

    private Operation resolve(String requested) {
        String name = requested.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("mem_")) {
            name = name.substring("mem_".length());
        }
        if (name.startsWith(ALIAS_PREFIX)) {
            name = "ns_" + name.substring(ALIAS_PREFIX.length());
        }
        name = ALIASES.getOrDefault(name, name);
        Operation action = actions.get(name);
        if (action != null) {
            return action;
        }
        List<String> close = suggestions(name);
        throw new ArgumentException("action", "unknown action '" + requested + "'. " + (close.isEmpty()
                ? "Run mem_do(action=\"help\") to list the actions."
                : "Did you mean: " + String.join(", ", close) + "?"));
    }

    /** Up to three action names within a small edit distance of {@code name}, or containing it, closest first. */
    private List<String> suggestions(String name) {
        int limit = Math.max(2, name.length() / 2);
        return actions.keySet().stream()
                .filter(candidate -> candidate.contains(name) || EditDistance.between(name, candidate) <= limit)
                .sorted(Comparator.comparingInt((String candidate) -> EditDistance.between(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    private static Map<String, List<Operation>> byCategory(List<Operation> actions) {
        Map<String, List<Operation>> categories = new LinkedHashMap<>();
        actions.forEach(action -> categories.computeIfAbsent(action.category(), c -> new ArrayList<>()).add(action));
        return categories;
    }

    private static String help(Map<String, List<Operation>> categories, String category) {
        if (category == null) {
            StringBuilder text = new StringBuilder("mem_do actions by category (details: mem_do(action=\"help\", "
                    + "params={\"category\": \"<category>\"})):\n");
            categories.forEach((name, members) -> text.append('\n').append(name).append(": ")
                    .append(String.join(", ", members.stream().map(Operation::name).toList())));
            return text.append("\n\nAliases: namespace_<x> means ns_<x>, tag_auto means auto_tag.").toString();
        }
        StringBuilder text = new StringBuilder("Actions in category '").append(category).append("':\n");
        for (Operation action : categories.get(category)) {
            text.append('\n').append(action.name()).append(" — ").append(action.description());
            for (Param param : action.schema().params()) {
                text.append("\n  - ").append(param.name()).append(" (").append(param.signature()).append("): ")
                        .append(param.description());
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }
}
