package io.memtomem.cli.model;

import io.memtomem.cli.model.ClassModel.Arg;
import io.memtomem.cli.model.ClassModel.Member;
import io.memtomem.cli.model.ClassModel.Mixin;
import io.memtomem.core.ClassResources;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.InitializationException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * picocli's model of the {@code mm} commands, built from the file the build wrote ({@link CommandModelWriter}) instead
 * of from their annotations at every start. Reading annotations makes the JVM generate a proxy class per annotation
 * type and picocli scan every field and method of each command: ~35 ms of a cold {@code mm search}, which Java 17's
 * AppCDS cannot archive. The annotations stay the one source; the file is picocli's own reading of them at build
 * time, and {@code CommandModelTest} holds both models equal, attribute by attribute and in every usage text.
 */
public final class CommandModel {
    /** Where the build puts the model, on the class path. */
    public static final String RESOURCE = "io/memtomem/cli/model/commands.model";

    /** The lines of each class's entry, by class name; an entry is parsed when a start first needs it. */
    private final Map<String, List<String>> entries;
    private final Map<String, ClassModel> parsed = new HashMap<>();

    CommandModel(Map<String, List<String>> entries) {
        this.entries = entries;
    }

    /**
     * The model on the class path, read once. Empty when the classes were compiled outside Maven (an IDE), so every
     * command is then built by picocli from its annotations: slower, the same commands.
     */
    public static CommandModel bundled() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final CommandModel MODEL = load();

        private static CommandModel load() {
            try {
                byte[] bytes = ClassResources.read(CommandModel.class, "/" + RESOURCE);
                return bytes == null ? none()
                        : read(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the command model " + RESOURCE, e);
            }
        }
    }

    /** No model: picocli reads every command's annotations, as it does without one. */
    public static CommandModel none() {
        return new CommandModel(Map.of());
    }

    static CommandModel read(Reader reader) throws IOException {
        Map<String, List<String>> entries = new HashMap<>();
        List<String> entry = null;
        try (BufferedReader lines = new BufferedReader(reader)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ClassModel.CLASS + "\t")) {
                    entry = new ArrayList<>();
                    entries.put(line.substring(ClassModel.CLASS.length() + 1), entry);
                }
                if (entry == null) {
                    throw new IOException("command model: an entry before the first class line");
                }
                entry.add(line);
            }
        }
        return new CommandModel(entries);
    }

    /**
     * What to hand picocli for the command class {@code type}: its spec built from the model, or {@code type} itself
     * for picocli to read when the model has no entry for it (no model: classes compiled outside Maven).
     */
    public Object command(Class<?> type, IFactory factory) {
        return entries.containsKey(type.getName()) ? spec(model(type), type, create(factory, type), factory) : type;
    }

    private CommandSpec spec(ClassModel model, Class<?> type, Object instance, IFactory factory) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(instance, factory);
        ClassModel.Command command = model.command();
        if (command != null) {
            spec.name(command.name()).scopeType(command.scope()).helpCommand(command.helpCommand());
            spec.usageMessage().header(command.header().toArray(new String[0]))
                    .description(command.description().toArray(new String[0]))
                    .synopsisHeading(command.synopsisHeading()).hidden(command.hidden());
            if (command.versionProvider() != null) {
                spec.versionProvider((IVersionProvider) create(factory, type(command.versionProvider())));
            }
            for (String subcommand : command.subcommands()) {
                Class<?> subType = type(subcommand);
                CommandSpec sub = spec(model(subType), subType, create(factory, subType), factory);
                spec.addSubcommand(sub.name(), new CommandLine(sub, factory));
            }
        }
        for (Member member : model.members()) {
            Field field = field(type, member.field());
            if (member instanceof Arg arg) {
                spec.add(arg(arg, new FieldBinding(instance, field), factory));
            } else if (member instanceof Mixin mixin) {
                Class<?> mixinType = type(mixin.type());
                Object mixinInstance = create(factory, mixinType);
                new FieldBinding(instance, field).set(mixinInstance);
                spec.addMixin(mixin.field(), spec(model(mixinType), mixinType, mixinInstance, factory));
            } else {
                new FieldBinding(instance, field).set(spec);
            }
        }
        return spec;
    }

    private synchronized ClassModel model(Class<?> type) {
        ClassModel model = parsed.get(type.getName());
        if (model == null) {
            List<String> entry = entries.get(type.getName());
            if (entry == null) {
                throw new InitializationException("command model: no entry for " + type.getName()
                        + "; rebuild memtomem-cli");
            }
            List<List<String>> lines = new ArrayList<>();
            for (String line : entry) {
                lines.add(ModelText.fields(line));
            }
            model = ClassModel.parse(lines);
            parsed.put(type.getName(), model);
        }
        return model;
    }

    // the two chains are alike because picocli's common ArgSpec.Builder is not public
    private static ArgSpec arg(Arg arg, FieldBinding binding, IFactory factory) {
        // loops rather than streams: this runs in every start, where each lambda is linked cold
        Class<?>[] auxiliary = new Class<?>[arg.auxiliaryTypes().size()];
        for (int i = 0; i < auxiliary.length; i++) {
            auxiliary[i] = type(arg.auxiliaryTypes().get(i));
        }
        ITypeConverter<?>[] converters = new ITypeConverter<?>[arg.converters().size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = (ITypeConverter<?>) create(factory, type(arg.converters().get(i)));
        }
        @SuppressWarnings("unchecked")
        Iterable<String> candidates = arg.completionCandidates() == null ? null
                : (Iterable<String>) create(factory, type(arg.completionCandidates()));
        String[] description = arg.description().toArray(new String[0]);
        if (arg.option()) {
            return OptionSpec.builder(arg.names().toArray(new String[0])).usageHelp(arg.usageHelp())
                    .versionHelp(arg.versionHelp()).paramLabel(arg.paramLabel()).arity(arg.arity())
                    .required(arg.required()).hidden(arg.hidden()).defaultValue(arg.defaultValue())
                    .splitRegex(arg.split()).scopeType(arg.scope()).type(type(arg.type())).auxiliaryTypes(auxiliary)
                    .converters(converters).completionCandidates(candidates).description(description)
                    .userObject(binding.field()).getter(binding).setter(binding).initialValue(binding.get())
                    .hasInitialValue(true).build();
        }
        return PositionalParamSpec.builder().index(arg.index()).paramLabel(arg.paramLabel()).arity(arg.arity())
                .required(arg.required()).hidden(arg.hidden()).defaultValue(arg.defaultValue())
                .splitRegex(arg.split()).scopeType(arg.scope()).type(type(arg.type())).auxiliaryTypes(auxiliary)
                .converters(converters).completionCandidates(candidates).description(description)
                .userObject(binding.field()).getter(binding).setter(binding).initialValue(binding.get())
                .hasInitialValue(true).build();
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new InitializationException("command model: " + type.getName() + " has no field " + name
                    + "; rebuild memtomem-cli");
        }
    }

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "int", int.class,
            "long", long.class, "double", double.class, "float", float.class, "short", short.class, "byte",
            byte.class, "char", char.class);

    private static Class<?> type(String name) {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        try {
            return Class.forName(name, true, CommandModel.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new InitializationException("command model: no class " + name + "; rebuild memtomem-cli");
        }
    }

    private static Object create(IFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new InitializationException("cannot create " + type.getName() + ": " + e, e);
        }
    }
}
