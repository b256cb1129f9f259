package io.memtomem.cli.service;

/** Text as XML element content (a plist string, a task XML value). */
final class XmlText {
    private XmlText() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
