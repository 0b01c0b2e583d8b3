package dev.criconf.io.yaml.internal;

/**
 * Turns snakeyaml-engine mark indexes, which count code points, into char offsets in the Java
 * string. They differ once the text holds a character outside the BMP (a surrogate pair).
 */
public final class CodePointOffsets {

    private final int length;
    /** Char offset of each code point index, or null when both counts agree. */
    private final int[] charOffsets;

    private CodePointOffsets(int length, int[] charOffsets) {
        this.length = length;
        this.charOffsets = charOffsets;
    }

    public static CodePointOffsets of(String text) {
        // as many code points as chars: no surrogate pair (and no scan for text the JDK stores as Latin-1)
        if (text.codePointCount(0, text.length()) == text.length()) {
            return new CodePointOffsets(text.length(), null);
        }
        int cps = text.codePointCount(0, text.length());
        int[] offsets = new int[cps + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            offsets[cp++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        offsets[cp] = text.length();
        return new CodePointOffsets(text.length(), offsets);
    }

    /** The char offset of a code point index, clamped to the text. */
    public int charOffset(int codePointIndex) {
        if (codePointIndex <= 0) {
            return 0;
        }
        if (charOffsets == null) {
            return Math.min(codePointIndex, length);
        }
        return codePointIndex >= charOffsets.length ? length : charOffsets[codePointIndex];
    }
}
