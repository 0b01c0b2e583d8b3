package dev.criconf.io.systemd.internal;

import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.systemd.Specifiers;
import java.util.List;

/** Expands specifiers in mapped text, keeping each output char's source span. */
public final class SpecifierLayer {

    private SpecifierLayer() {}

    /**
     * Chars {@code [from, to)} of {@code parent} with specifiers expanded. Literal chars (and
     * {@code %%}) stay rewritable; what a specifier expands to is {@link MappedText#OPAQUE}.
     */
    public static MappedText expand(MappedText parent, int from, int to, Specifiers specifiers, List<String> unresolved) {
        String s = parent.text();
        if (s.indexOf('%', from) < 0 || s.indexOf('%', from) >= to) {
            // nothing to expand (most values): every char is a literal from the same place
            return MappedText.verbatim(parent, s, from, to, SpecifierCodec.INSTANCE, SpecifierCodec.LITERAL);
        }
        MappedText.Builder b = MappedText.builder(parent, SpecifierCodec.INSTANCE);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '%') {
                b.append(c, i, i + 1, SpecifierCodec.LITERAL);
                continue;
            }
            if (i + 1 >= to) {
                unresolved.add("%");
                b.append(c, i, i + 1, MappedText.OPAQUE);
                continue;
            }
            char k = s.charAt(i + 1);
            if (k == '%') {
                b.append('%', i, i + 2, SpecifierCodec.LITERAL);
            } else {
                var v = specifiers.value(k);
                if (v.isPresent()) {
                    b.appendAll(v.get(), i, i + 2, MappedText.OPAQUE);
                } else {
                    unresolved.add("%" + k);
                    b.append('%', i, i + 1, MappedText.OPAQUE);
                    b.append(k, i + 1, i + 2, MappedText.OPAQUE);
                }
            }
            i++;
        }
        return b.build(from, to, from, SpecifierCodec.LITERAL);
    }
}
