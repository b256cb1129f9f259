package io.memtomem.cli.model;

import io.memtomem.cli.model.ClassModel.Arg;
import io.memtomem.cli.model.ClassModel.Member;
import io.memtomem.cli.model.ClassModel.Mixin;
import io.memtomem.cli.model.ClassModel.SpecField;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.InitializationException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Build step: picocli reads the annotations of every {@code mm} command and mixin, and this writes what it read to
 * the command model file ({@link CommandModel}). An annotation attribute the model does not carry is refused here,
 * naming the class and the attribute, so the model can never silently drop part of a command.
 */
public final class CommandModelWriter {
    private static final Set<String> COMMAND_ATTRIBUTES =
            Set.of("name", "header", "description", "synopsisHeading", "helpCommand", "subcommands", "versionProvider",
                    "hidden", "scope");
    private static final Set<String> OPTION_ATTRIBUTES = Set.of("names", "paramLabel", "description", "arity",
            "required", "hidden", "defaultValue", "split", "scope", "converter", "completionCandidates", "usageHelp",
            "versionHelp");
    private static final Set<String> PARAMETERS_ATTRIBUTES = Set.of("index", "paramLabel", "description", "arity",
            "hidden", "defaultValue", "split", "converter", "completionCandidates");
    private static final Set<Class<? extends Annotation>> FIELD_ANNOTATIONS =
            Set.of(Option.class, Parameters.class, picocli.CommandLine.Mixin.class, Spec.class);

    private CommandModelWriter() {
    }

    /** Writes the model of {@code root}, its {@code subcommands} and all they use to {@code directory}/RESOURCE. */
    public static void write(Path directory, Class<?> root, Collection<Class<?>> subcommands, IFactory factory)
            throws IOException {
        List<String> lines = new ArrayList<>();
        models(root, subcommands, factory).forEach(model -> lines.addAll(model.lines()));
        Path file = directory.resolve(CommandModel.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** picocli's own classes (its {@code help} command) are left to picocli. */
    static List<ClassModel> models(Class<?> root, Collection<Class<?>> subcommands, IFactory factory) {
        Map<Class<?>, ClassModel> models = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.add(root);
        subcommands.stream().filter(type -> !type.getName().startsWith("picocli.")).forEach(pending::add);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (!models.containsKey(type)) {
                models.put(type, read(type, factory, pending));
            }
        }
        return List.copyOf(models.values());
    }

    private static ClassModel read(Class<?> type, IFactory factory, Deque<Class<?>> pending) {
        if (type.getSuperclass() != Object.class) {
            throw refusal(type.getName(), "extends " + type.getSuperclass().getName());
        }
        for (Method method : type.getDeclaredMethods()) {
            if (picocliAnnotated(method)) {
                throw refusal(type.getName() + "." + method.getName(), "an annotated method");
            }
        }
        CommandSpec spec = CommandSpec.forAnnotatedObject(type, factory);
        Command annotation = type.getAnnotation(Command.class);
        ClassModel.Command command = null;
        if (annotation != null) {
            onlyCarried(annotation, COMMAND_ATTRIBUTES, type.getName());
            List<String> subcommands = new ArrayList<>();
            for (Class<?> subcommand : annotation.subcommands()) {
                subcommands.add(subcommand.getName());
                pending.add(subcommand);
            }
            Class<?> provider = annotation.versionProvider();
            command = new ClassModel.Command(spec.name(), spec.usageMessage().hidden(), spec.scopeType(),
                    isPicocli(provider) ? null : provider.getName(), List.of(spec.usageMessage().header()),
                    List.of(spec.usageMessage().description()), spec.usageMessage().synopsisHeading(),
                    spec.helpCommand(), subcommands);
        }
        List<Member> members = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            String where = type.getName() + "." + field.getName();
            for (Annotation other : field.getAnnotations()) {
                if (isPicocli(other) && !FIELD_ANNOTATIONS.contains(other.annotationType())) {
                    throw refusal(where, "@" + other.annotationType().getSimpleName());
                }
            }
            Option option = field.getAnnotation(Option.class);
            Parameters parameters = field.getAnnotation(Parameters.class);
            picocli.CommandLine.Mixin mixin = field.getAnnotation(picocli.CommandLine.Mixin.class);
            Spec specField = field.getAnnotation(Spec.class);
            if (option != null) {
                onlyCarried(option, OPTION_ATTRIBUTES, where);
                members.add(arg(argOf(spec, field), field, option.completionCandidates()));
            } else if (parameters != null) {
                onlyCarried(parameters, PARAMETERS_ATTRIBUTES, where);
                members.add(arg(argOf(spec, field), field, parameters.completionCandidates()));
            } else if (mixin != null) {
                onlyCarried(mixin, Set.of(), where);
                members.add(new Mixin(field.getName(), field.getType().getName()));
                pending.add(field.getType());
            } else if (specField != null) {
                onlyCarried(specField, Set.of(), where);
                members.add(new SpecField(field.getName()));
            }
        }
        return new ClassModel(type.getName(), command, members);
    }

    private static ArgSpec argOf(CommandSpec spec, Field field) {
        return spec.args().stream().filter(arg -> field.equals(arg.userObject())).findFirst()
                .orElseThrow(() -> new IllegalStateException("picocli built no argument for " + field));
    }

    private static Arg arg(ArgSpec arg, Field field, Class<?> candidates) {
        List<String> auxiliary = Arrays.stream(arg.auxiliaryTypes()).map(Class::getName).toList();
        List<String> converters = new ArrayList<>();
        for (ITypeConverter<?> converter : arg.converters()) {
            converters.add(converter.getClass().getName());
        }
        String completion = isPicocli(candidates) ? null : candidates.getName();
        List<String> description = List.of(arg.description());
        if (arg instanceof OptionSpec option) {
            return new Arg(field.getName(), List.of(option.names()), null, arg.paramLabel(), arg.arity(),
                    arg.required(), arg.hidden(), arg.defaultValue(), arg.splitRegex(), arg.scopeType(),
                    arg.type().getName(), auxiliary, converters, completion, option.usageHelp(),
                    option.versionHelp(), description);
        }
        return new Arg(field.getName(), List.of(), ((PositionalParamSpec) arg).index(), arg.paramLabel(),
                arg.arity(), arg.required(), arg.hidden(), arg.defaultValue(), arg.splitRegex(), arg.scopeType(),
                arg.type().getName(), auxiliary, converters, completion, false, false, description);
    }

    /** Every attribute outside {@code carried} must be at its default, or the model would lose it. */
    private static void onlyCarried(Annotation annotation, Set<String> carried, String where) {
        for (Method attribute : annotation.annotationType().getDeclaredMethods()) {
            if (carried.contains(attribute.getName())) {
                continue;
            }
            Object value;
            try {
                value = attribute.invoke(annotation);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
            if (!Objects.deepEquals(value, attribute.getDefaultValue())) {
                throw refusal(where, "@" + annotation.annotationType().getSimpleName() + "(" + attribute.getName()
                        + " = ...)");
            }
        }
    }

    private static boolean picocliAnnotated(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations()).anyMatch(CommandModelWriter::isPicocli);
    }

    private static boolean isPicocli(Annotation annotation) {
        return isPicocli(annotation.annotationType());
    }

    /** picocli's own classes: its annotations, and the "none" defaults of class-valued attributes. */
    private static boolean isPicocli(Class<?> type) {
        return type.getName().startsWith("picocli.");
    }

    private static InitializationException refusal(String where, String what) {
        return new InitializationException("command model: " + where + " uses " + what + ", which the command "
                + "model does not carry; add it to ClassModel and CommandModel (and their test), or do without it");
    }
}
