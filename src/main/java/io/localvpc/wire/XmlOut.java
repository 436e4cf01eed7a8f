package io.localvpc.wire;

import java.nio.charset.StandardCharsets;

/**
 * A small streaming XML writer for response bodies: elements, escaped text, one default
 * namespace on the root. AWS responses need nothing more, and writing straight into a
 * StringBuilder costs a fraction of StAX on the describe hot paths.
 */
final class XmlOut {
    private final StringBuilder out = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");

    XmlOut open(String element) {
        out.append('<').append(element).append('>');
        return this;
    }

    XmlOut open(String element, String namespace) {
        out.append('<').append(element).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    XmlOut close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** {@code <element>text</element>}, with markup escaped and characters XML 1.0 cannot carry replaced. */
    XmlOut text(String element, String text) {
        open(element);
        escape(text);
        return close(element);
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(allowed(c) ? c : '\uFFFD');
            }
        }
    }

    /** XML 1.0 cannot carry most control characters; user strings (tag values) may contain them. */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
