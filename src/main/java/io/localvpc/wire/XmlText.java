package io.localvpc.wire;

/** XML 1.0 cannot carry most control characters; user strings (tag values) may contain them. */
final class XmlText {
    private XmlText() {}

    static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text.charAt(i))) {
                return strip(text);
            }
        }
        return text;
    }

    private static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(allowed(c) ? c : '\uFFFD');
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
