package io.memtomem.cli.common;

/** ANSI styling that collapses to plain text when colour is off. */
public record Palette(boolean enabled) {

    public String red(String text) {
        return style("31", text);
    }

    public String yellow(String text) {
        return style("33", text);
    }

    public String bold(String text) {
        return style("1", text);
    }

    public String dim(String text) {
        return style("2", text);
    }

    private String style(String code, String text) {
        return enabled ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
