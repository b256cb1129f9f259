package io.memtomem.cli.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelTextTest {
    @Test
    void fieldsWithSeparatorsBreaksBackslashesAndNullsComeBackAsWritten() {
        String list = ModelText.list(List.of("a\tb", "c\u001fd", "e\\nf", ""));
        List<String> fields = Arrays.asList("option", "line\nbreak\r", null, "", "\\", "\u0000", list);
        List<String> read = ModelText.fields(ModelText.line(fields));
        assertEquals(fields, read);
        assertEquals(List.of("a\tb", "c\u001fd", "e\\nf", ""), ModelText.items(read.get(6)));
    }

    @Test
    void anEmptyListFieldHasNoItems() {
        assertEquals(List.of(), ModelText.items(ModelText.list(List.of())));
    }
}
