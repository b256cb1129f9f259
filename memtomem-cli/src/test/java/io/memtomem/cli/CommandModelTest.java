package io.memtomem.cli;

import io.memtomem.cli.model.CommandModel;
import io.memtomem.cli.model.CommandModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.InitializationException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Range;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command model ({@link CommandModel}) must build exactly what picocli builds from the annotations: every
 * command's usage text and every attribute picocli exposes of each command, option and positional parameter.
 */
class CommandModelTest {
    /** What holds the bound field or instance (always different objects), or repeats what is compared elsewhere. */
    private static final Set<String> IDENTITY = Set.of("getter", "setter", "scope", "userObject", "command",
            "commandLine", "parent", "root", "group", "toString", "hashCode", "annotatedElement", "typeInfo",
            "argSpecs", "spec", "messages", "interpolator", "resourceBundle", "mixinAnnotatedElements",
            "specElements", "parentCommandElements", "methodParams", "unmatchedArgsBindings", "negatableOptionTransformer",
            "subcommands", "mixins", "args", "options", "positionalParameters", "optionsMap", "posixOptionsMap",
            "negatedOptionsMap", "requiredArgs", "argGroups", "usageMessage", "parser", "qualifiedName",
            // set only from an annotation: the raw text before picocli's "no default" sentinel is applied
            "originalDefaultValue", "originalMapFallbackValue", "originallyRequired",
            // "" from an annotation, null from the model: both mean none; only read with a resource bundle or for
            // an interactive option, neither of which mm has (the writer refuses interactive options)
            "descriptionKey", "prompt");

    @Test
    void everyCommandBuiltFromTheModelEqualsPicocliReadingOfItsAnnotations() {
        CommandLine fromModel = Main.commandLine(context(), MmCommand.SUBCOMMANDS, CommandModel.bundled());
        CommandLine fromAnnotations = Main.commandLine(context(), MmCommand.SUBCOMMANDS, CommandModel.none());
        assertEquals(List.of(), differences(describe(fromAnnotations), describe(fromModel)));
    }

    /** One line per attribute that differs: path, attribute, then picocli's value against the model's. */
    private static List<String> differences(Map<String, Object> expected, Map<String, Object> actual) {
        List<String> differences = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            Object want = expected.get(key);
            Object got = actual.get(key);
            if (want instanceof Map<?, ?> wantMap && got instanceof Map<?, ?> gotMap) {
                Set<Object> attributes = new java.util.TreeSet<>(Comparator.comparing(Object::toString));
                attributes.addAll(wantMap.keySet());
                attributes.addAll(gotMap.keySet());
                for (Object attribute : attributes) {
                    if (!java.util.Objects.equals(wantMap.get(attribute), gotMap.get(attribute))) {
                        differences.add(key + " " + attribute + ": " + wantMap.get(attribute) + " | "
                                + gotMap.get(attribute));
                    }
                }
            } else if (!java.util.Objects.equals(want, got)) {
                differences.add(key + ":\n" + want + "\n|\n" + got);
            }
        }
        return differences;
    }

    @Test
    void theModelIsInTheClassesTheBuildWrote() {
        Object root = CommandModel.bundled().command(MmCommand.class, new ContextFactory(context()));
        assertTrue(root instanceof CommandSpec, "the build wrote no model for mm: picocli reads annotations at start");
    }

    @Test
    void theWriterRefusesAnAttributeTheModelDoesNotCarry(@TempDir Path temp) {
        InitializationException refusal = assertThrows(InitializationException.class, () ->
                CommandModelWriter.write(temp, Negatable.class, List.of(), new ContextFactory(context())));
        assertTrue(refusal.getMessage().contains(Negatable.class.getName() + ".color uses @Option(negatable = ...)"),
                refusal.getMessage());
    }

    @Command(name = "negatable")
    static final class Negatable {
        @Option(names = "--color", negatable = true)
        private boolean color;
    }

    private static CliContext context() {
        return CliContext.system(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static Map<String, Object> describe(CommandLine commandLine) {
        Map<String, Object> all = new TreeMap<>();
        describe(commandLine, all);
        return all;
    }

    private static void describe(CommandLine commandLine, Map<String, Object> all) {
        CommandSpec spec = commandLine.getCommandSpec();
        String path = spec.qualifiedName();
        all.put(path + " usage", commandLine.getUsageMessage(Help.Ansi.OFF));
        all.put(path + " command", properties(spec));
        all.put(path + " usage message", properties(spec.usageMessage()));
        all.put(path + " parser", properties(spec.parser()));
        all.put(path + " subcommands", List.copyOf(spec.subcommands().keySet()));
        all.put(path + " mixins", List.copyOf(spec.mixins().keySet()));
        for (ArgSpec arg : spec.args()) {
            String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
            all.put(path + " " + name, properties(arg));
            all.put(path + " " + name + " type", properties(arg.typeInfo()));
        }
        commandLine.getSubcommands().values().forEach(sub -> describe(sub, all));
    }

    /** Every public no-argument getter of picocli's model object, values made comparable. */
    private static Map<String, Object> properties(Object model) {
        Map<String, Object> properties = new TreeMap<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(model.getClass().getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class
                    || IDENTITY.contains(method.getName()) || !method.getDeclaringClass().getName().startsWith("picocli")) {
                continue;
            }
            try {
                properties.put(method.getName(), comparable(method.invoke(model)));
            } catch (ReflectiveOperationException e) {
                properties.put(method.getName(), "threw " + e.getCause());
            }
        }
        return properties;
    }

    private static Object comparable(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(CommandModelTest::comparable).toList();
        }
        if (value instanceof ITypeConverter<?> converter) {
            return converter.getClass().getName();
        }
        if (value instanceof Range range) {
            return range + (range.isUnspecified() ? " (unspecified)" : "");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> comparable = new TreeMap<>();
            map.forEach((key, item) -> comparable.put(String.valueOf(key), comparable(item)));
            return comparable;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> items = new ArrayList<>();
            iterable.forEach(item -> items.add(comparable(item)));
            return items;
        }
        if (value instanceof Class<?> type) {
            return type.getName();
        }
        if (value != null && !(value instanceof Enum<?>) && !value.getClass().getName().startsWith("java.")) {
            return value.getClass().getName(); // a strategy object (version provider, help factory): same kind
        }
        return value;
    }
}
