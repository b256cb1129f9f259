package io.memtomem.cli.model;

import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What picocli reads from the annotations of one command or mixin class, as picocli resolved it at build time
 * (inferred arity and labels included), with its members in declaration order. Each entry writes and parses its own
 * line of the model file, so the grammar of a line lives next to its fields.
 *
 * @param type    the class's binary name
 * @param command its {@code @Command} attributes, or null for a mixin
 * @param members its annotated fields, in declaration order (picocli's order of options, mixins and specs)
 */
record ClassModel(String type, Command command, List<Member> members) {
    static final String CLASS = "class";

    ClassModel {
        members = List.copyOf(members);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(ModelText.line(List.of(CLASS, type)));
        if (command != null) {
            lines.add(command.line());
        }
        members.forEach(member -> lines.add(member.line()));
        return lines;
    }

    /** Parses the lines of one class (its {@code class} line first); refuses a line it does not know. */
    static ClassModel parse(List<List<String>> lines) {
        String type = lines.get(0).get(1);
        Command command = null;
        List<Member> members = new ArrayList<>();
        for (List<String> fields : lines.subList(1, lines.size())) {
            switch (fields.get(0)) {
                case Command.KIND -> command = Command.parse(fields);
                case Arg.OPTION, Arg.POSITIONAL -> members.add(Arg.parse(fields));
                case Mixin.KIND -> members.add(new Mixin(fields.get(1), fields.get(2)));
                case SpecField.KIND -> members.add(new SpecField(fields.get(1)));
                default -> throw new IllegalStateException("command model: unknown entry '" + fields.get(0)
                        + "' in " + type + "; rebuild memtomem-cli");
            }
        }
        return new ClassModel(type, command, members);
    }

    /** An annotated field of the class. */
    sealed interface Member permits Arg, Mixin, SpecField {
        String field();

        String line();
    }

    /** The {@code @Command} attributes the model carries; the model writer refuses any other set on the class. */
    record Command(String name, boolean hidden, ScopeType scope, String versionProvider, List<String> header,
                   List<String> description, String synopsisHeading, boolean helpCommand, List<String> subcommands) {
        static final String KIND = "command";

        String line() {
            return ModelText.line(List.of(KIND, name, Boolean.toString(hidden), scope.name(),
                    versionProvider == null ? "" : versionProvider, ModelText.list(header),
                    ModelText.list(description), synopsisHeading, Boolean.toString(helpCommand),
                    ModelText.list(subcommands)));
        }

        static Command parse(List<String> f) {
            return new Command(f.get(1), Boolean.parseBoolean(f.get(2)), ScopeType.valueOf(f.get(3)),
                    f.get(4).isEmpty() ? null : f.get(4), ModelText.items(f.get(5)), ModelText.items(f.get(6)),
                    f.get(7), Boolean.parseBoolean(f.get(8)), ModelText.items(f.get(9)));
        }
    }

    /**
     * An {@code @Option} or {@code @Parameters} field, resolved.
     *
     * @param names                the option names; empty for a positional parameter
     * @param index                the positional index; null for an option
     * @param defaultValue         null when there is none
     * @param completionCandidates the class given to {@code completionCandidates}, or null (enums get theirs from
     *                             picocli)
     */
    record Arg(String field, List<String> names, Range index, String paramLabel, Range arity, boolean required,
               boolean hidden, String defaultValue, String split, ScopeType scope, String type,
               List<String> auxiliaryTypes, List<String> converters, String completionCandidates, boolean usageHelp,
               boolean versionHelp, List<String> description) implements Member {
        static final String OPTION = "option";
        static final String POSITIONAL = "positional";

        boolean option() {
            return index == null;
        }

        @Override
        public String line() {
            // Arrays.asList: the default value may be null, which List.of refuses
            return ModelText.line(Arrays.asList(option() ? OPTION : POSITIONAL, field, ModelText.list(names),
                    option() ? "" : range(index), paramLabel, range(arity), Boolean.toString(required),
                    Boolean.toString(hidden), defaultValue, split, scope.name(), type,
                    ModelText.list(auxiliaryTypes), ModelText.list(converters),
                    completionCandidates == null ? "" : completionCandidates, Boolean.toString(usageHelp),
                    Boolean.toString(versionHelp), ModelText.list(description)));
        }

        static Arg parse(List<String> f) {
            boolean option = f.get(0).equals(OPTION);
            return new Arg(f.get(1), ModelText.items(f.get(2)), option ? null : range(f.get(3)), f.get(4),
                    range(f.get(5)), Boolean.parseBoolean(f.get(6)), Boolean.parseBoolean(f.get(7)), f.get(8),
                    f.get(9), ScopeType.valueOf(f.get(10)), f.get(11), ModelText.items(f.get(12)),
                    ModelText.items(f.get(13)), f.get(14).isEmpty() ? null : f.get(14),
                    Boolean.parseBoolean(f.get(15)), Boolean.parseBoolean(f.get(16)), ModelText.items(f.get(17)));
        }

        private static String range(Range range) {
            return ModelText.list(List.of(Integer.toString(range.min()), Integer.toString(range.max()),
                    Boolean.toString(range.isVariable()), Boolean.toString(range.isUnspecified()),
                    range.originalValue() == null ? "" : range.originalValue()));
        }

        private static Range range(String field) {
            List<String> parts = ModelText.items(field);
            return new Range(Integer.parseInt(parts.get(0)), Integer.parseInt(parts.get(1)),
                    Boolean.parseBoolean(parts.get(2)), Boolean.parseBoolean(parts.get(3)),
                    parts.size() < 5 || parts.get(4).isEmpty() ? null : parts.get(4));
        }
    }

    /** A {@code @Mixin} field: the mixin named after the field, an instance of {@code type}. */
    record Mixin(String field, String type) implements Member {
        static final String KIND = "mixin";

        @Override
        public String line() {
            return ModelText.line(List.of(KIND, field, type));
        }
    }

    /** A {@code @Spec} field, given the command's (or mixin's) own spec. */
    record SpecField(String field) implements Member {
        static final String KIND = "spec";

        @Override
        public String line() {
            return ModelText.line(List.of(KIND, field));
        }
    }
}
