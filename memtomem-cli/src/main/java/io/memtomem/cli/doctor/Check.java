package io.memtomem.cli.doctor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One finding of {@code mm doctor}: what was checked, how it stands, and the fix when it is not fine. */
record Check(String name, Status status, String detail, String fix) {
    enum Status { OK, WARN, FAIL }

    Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, null);
    }

    static Check warn(String name, String detail, String fix) {
        return new Check(name, Status.WARN, detail, fix);
    }

    static Check fail(String name, String detail, String fix) {
        return new Check(name, Status.FAIL, detail, fix);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        json.put("detail", detail);
        json.put("fix", fix);
        return json;
    }
}
