package io.memtomem.core.write;

import io.memtomem.core.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.memtomem.core.write.WriterFixtures.CLOCK;
import static io.memtomem.core.write.WriterFixtures.config;
import static io.memtomem.core.write.WriterFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryTemplateTest {
    private static final String CREATED = "> created: 2026-03-30T01:02:03+00:00\n";

    @TempDir
    Path home;
    ChunkedIndex index;
    MemoryWriter writer;

    @BeforeEach
    void setUp() {
        index = new ChunkedIndex();
        writer = new MemoryWriter(config(home), index, index, CLOCK);
    }

    /** The entry text a template makes, as it reads in the file. */
    private static String render(String template, String title, String content) {
        EntryTemplate.Rendered rendered = EntryTemplate.named("template", template).render("", title, content);
        return "## " + rendered.heading() + "\n\n" + rendered.body();
    }

    @Test
    void adrFromJsonLaysOutItsFieldsInTemplateOrderWhateverTheJsonOrder() {
        String text = render("adr", "Sessions in Redis", "{\"decision\": \"Keep sessions in Redis.\", "
                + "\"status\": \"accepted\", \"context\": \"Sticky sessions broke autoscaling.\", "
                + "\"alternatives\": [\"Postgres table\", \"JWT only\"]}");
        assertEquals("## ADR: Sessions in Redis\n\n**Status:** accepted\n\n**Context:** Sticky sessions broke "
                + "autoscaling.\n\n**Decision:** Keep sessions in Redis.\n\n**Alternatives considered:**\n"
                + "- Postgres table\n- JWT only", text);
    }

    @Test
    void listsBecomeBulletsAndProcedureStepsAreNumbered() {
        assertEquals("## Meeting: Weekly sync\n\n**Date:** 2026-03-30\n\n**Attendees:**\n- Ana\n- Bo\n\n"
                + "**Action items:**\n- Ana: rotate keys", render("meeting", null, "{\"title\": \"Weekly sync\", \"date\": "
                + "\"2026-03-30\", \"attendees\": [\"Ana\", \"Bo\"], \"action_items\": [\"Ana: rotate keys\"]}"));
        assertEquals("## Procedure: Fail over\n\n**Steps:**\n1. Promote the replica\n2. Repoint PgBouncer",
                render("procedure", "Fail over", "{\"steps\": [\"Promote the replica\", \"Repoint PgBouncer\"]}"));
        assertEquals("## Debug: T\n\n**Fix:**\nline one\nline two", render("debug", "T",
                "{\"fix\": \"line one\\nline two\"}"));
    }

    @Test
    void plainTextGoesUnderTheTemplateHeading() {
        assertEquals("## Debug: OOM in worker\n\nHeap grew with every retry; capped the queue.",
                render("DEBUG", "OOM in worker", "  Heap grew with every retry; capped the queue.\n"));
    }

    @Test
    void everyTemplateRendersItsKindHeading() {
        for (EntryTemplate template : EntryTemplate.values()) {
            assertTrue(template.render("", "T", "body").heading().endsWith(": T"), template.templateName());
        }
        assertEquals("## Decision: T\n\nbody", render("decision", "T", "body"));
    }

    @Test
    void unknownTemplateListsTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> render("rfc", "T", "x"));
        assertEquals("template", e.parameter());
        assertEquals("unknown template 'rfc': use one of adr, meeting, debug, decision, procedure", e.getMessage());
    }

    @Test
    void unknownJsonFieldsAreNamedWithTheTemplatesFields() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render("debug", "T", "{\"symptom\": \"x\", \"cause\": \"y\", \"fixed\": \"z\"}"));
        assertEquals("template debug has no field cause, fixed: its fields are title, symptom, root_cause, fix, "
                + "prevention", e.getMessage());
    }

    @Test
    void badJsonContentIsAClearError() {
        assertTrue(assertThrows(InvalidInputException.class, () -> render("adr", "T", "{\"context\": "))
                .getMessage().startsWith("content starts with '{' but is not valid JSON"));
        assertTrue(assertThrows(InvalidInputException.class, () -> render("adr", "T", "{\"context\": {\"a\": 1}}"))
                .getMessage().equals("content.context must be text, a number, or a list of them"));
        assertTrue(assertThrows(InvalidInputException.class, () -> render("adr", "T", "{\"title\": \"x\"}"))
                .getMessage().startsWith("content sets none of the adr fields"));
    }

    @Test
    void aTitleIsNeededOnceFromTheParameterOrTheJson() {
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> render("adr", null, "x"));
        assertEquals("title", missing.parameter());
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> render("adr", "One", "{\"title\": \"Two\", \"context\": \"c\"}"));
        assertTrue(twice.getMessage().startsWith("title is given twice"), twice.getMessage());
        assertEquals("## ADR: Same\n\n**Context:** c", render("adr", "Same", "{\"title\": \"Same\", \"context\": "
                + "\"c\"}"));
    }

    @Test
    void theEntryBlockCarriesTheTemplateHeadingInsteadOfItsOwn() throws Exception {
        AddResult result = writer.add(new AddRequest("{\"symptom\": \"502s\", \"fix\": \"raise the timeout\"}",
                "Gateway 502", List.of("ops"), null, null, "debug"));
        assertEquals("\n## Debug: Gateway 502\n\n" + CREATED + "> tags: [\"ops\"]\n\n**Symptom:** 502s\n\n"
                + "**Fix:** raise the timeout\n", read(result.file()));
        assertEquals(1, result.chunksIndexed());
        assertEquals(List.of("ops"), index.chunkUnder(result.file(), "## Debug: Gateway 502").tags());
    }

    @Test
    void plainTextStartingWithAHeadingStillGetsTheTemplateHeading() throws Exception {
        AddResult result = writer.add(new AddRequest("## Notes\n\nretry storms", "Retries", List.of(), null, null,
                "debug"));
        assertEquals("\n## Debug: Retries\n\n" + CREATED + "\n## Notes\n\nretry storms\n", read(result.file()));
    }

    @Test
    void aBatchEntryErrorNamesTheEntry() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> writer.batchAdd(
                new BatchAddRequest(List.of(new AddRequest("x", "T", List.of(), null, null, "nope")), null, null)));
        assertEquals("entries[0].template", e.parameter());
    }
}
