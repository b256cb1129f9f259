package io.memtomem.cli.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Adds the {@value #SERVER_NAME} server to one host's config file, keeping everything else in it: other servers,
 * and the host's own keys. It never replaces an entry of that name that starts something else (for instance the
 * Python memtomem), backs the file up before changing it, and replaces it atomically.
 */
public final class HostConfigFile {
    public static final String SERVER_NAME = "memtomem";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Two-space indent and {@code "key": value}, like the hosts' own JSON.stringify(…, null, 2). */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    /** What registering did. {@code backup} is set when an existing file was changed. */
    public record Outcome(Status status, Path file, Path backup, String detail) {
    }

    public enum Status { ADDED, ALREADY_REGISTERED, CONFLICT, UNREADABLE }

    private HostConfigFile() {
    }

    public static Outcome register(McpHost host, Path file, ServerEntry entry, LocalDateTime now) throws IOException {
        ObjectNode root;
        boolean existed = Files.exists(file);
        if (existed) {
            JsonNode parsed;
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                parsed = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return new Outcome(Status.UNREADABLE, file, null, "not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (!(parsed instanceof ObjectNode object)) {
                return new Outcome(Status.UNREADABLE, file, null, "not a JSON object");
            }
            root = object;
        } else {
            root = MAPPER.createObjectNode();
        }
        JsonNode servers = root.path(host.serversKey());
        if (!servers.isMissingNode() && !servers.isObject()) {
            return new Outcome(Status.UNREADABLE, file, null, "\"" + host.serversKey() + "\" is not a JSON object");
        }
        ObjectNode serverMap = servers.isObject() ? (ObjectNode) servers : root.putObject(host.serversKey());
        JsonNode ours = MAPPER.valueToTree(entry.toJson(host));
        JsonNode existing = serverMap.get(SERVER_NAME);
        if (existing != null) {
            boolean same = existing.path("command").equals(ours.path("command"))
                    && existing.path("args").equals(ours.path("args"));
            return same ? new Outcome(Status.ALREADY_REGISTERED, file, null, "")
                    : new Outcome(Status.CONFLICT, file, null, "it already has a server named \"" + SERVER_NAME
                            + "\" that runs " + existing.path("command").asText("?") + " " + existing.path("args"));
        }
        serverMap.set(SERVER_NAME, ours);
        Path backup = null;
        if (existed) {
            backup = file.resolveSibling(file.getFileName() + ".bak-"
                    + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            Files.createDirectories(file.getParent());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".memtomem-tmp");
        Files.writeString(temp, WRITER.writeValueAsString(root) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Outcome(Status.ADDED, file, backup, "");
    }

    /**
     * The command line the host's memtomem entry runs ({@code command} and {@code args}, space-joined), or null when it
     * has none or the file cannot be read.
     */
    public static String registeredLauncher(McpHost host, Path file) {
        try {
            JsonNode entry = MAPPER.readTree(file.toFile()).path(host.serversKey()).path(SERVER_NAME);
            if (!entry.isObject()) {
                return null;
            }
            StringBuilder line = new StringBuilder(entry.path("command").asText(""));
            entry.path("args").forEach(arg -> line.append(' ').append(arg.asText()));
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code {"mcpServers": {"memtomem": {…}}}} for hosts not covered by {@code --mcp}. */
    public static String snippet(ServerEntry entry) throws JsonProcessingException {
        return WRITER.writeValueAsString(Map.of("mcpServers", Map.of(SERVER_NAME, entry.toJson(McpHost.CLAUDE_DESKTOP))));
    }
}
