package dev.criconf.io.systemd.internal;

import dev.criconf.io.args.internal.Codec;
import java.util.Optional;

/** Writes literal text where unit specifiers are expanded: {@code %} becomes {@code %%}. */
public final class SpecifierCodec implements Codec {

    public static final byte LITERAL = 0;

    public static final SpecifierCodec INSTANCE = new SpecifierCodec();

    private SpecifierCodec() {}

    @Override
    public Optional<String> encode(String decoded, byte ctx, boolean atRunStart, boolean atEnd) {
        return ctx == LITERAL ? Optional.of(decoded.replace("%", "%%")) : Optional.empty();
    }

    @Override
    public Optional<String> encodeWhole(String decoded) {
        return Optional.of(decoded.replace("%", "%%"));
    }
}
