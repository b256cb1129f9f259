package io.memtomem.core.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One memory entry to append. {@code title}, {@code namespace}, {@code file} and {@code template} are optional (null
 * or blank = absent, because MCP clients send "" for omitted arguments); {@code tags} may be null or empty.
 *
 * @param file     a path relative to the first memory dir, or an absolute path inside a memory dir; absent = UTC day
 *                 file
 * @param template one of {@link EntryTemplate}'s names; {@code content} is then a JSON object of its fields or plain
 *                 text, and the template writes the {@code ## <Kind>: <title>} heading
 * @param scope    {@code user} (absent), {@code project_local} or {@code project_shared}: the tier written to; a project
 *                 tier writes to that tier's project memory dir of the project containing the working directory, and
 *                 a relative {@code file} resolves against it
 */
public record AddRequest(String content, String title, List<String> tags, String namespace, String file,
                         String template, String scope) {
    public AddRequest {
        // not List.copyOf: a null tag must reach validation and fail there with a message naming `tags`
        tags = tags == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tags));
    }

    /** An entry without a template, in the user tier. */
    public AddRequest(String content, String title, List<String> tags, String namespace, String file) {
        this(content, title, tags, namespace, file, null);
    }

    /** An entry in the user tier. */
    public AddRequest(String content, String title, List<String> tags, String namespace, String file,
                      String template) {
        this(content, title, tags, namespace, file, template, null);
    }

    public static AddRequest of(String content) {
        return new AddRequest(content, null, List.of(), null, null);
    }
}
