package dev.criconf.io.systemd;

import dev.criconf.io.args.Argument;
import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One word of the argv a command really gets, and where it came from.
 *
 * @param text          the word
 * @param origin        where it is written: the word in the unit for literal words (and words with
 *                      {@code ${NAME}} in them), or the part of the variable's value that became this
 *                      word for a {@code $NAME} split
 * @param kind          how it was made
 * @param variables     the variables it was made from (one for a split; any for {@code ${...}})
 * @param splitIndex    for {@link Kind#SPLIT}: its position among the words of the variable's value
 * @param splitCount    for {@link Kind#SPLIT}: how many words the value gave
 * @param unitWord      the word in the unit it was expanded from
 */
public record ArgWord(String text, Origin origin, Kind kind, List<String> variables, int splitIndex, int splitCount,
        Origin unitWord) {

    /** How a word was made. */
    public enum Kind {
        /** written in the unit, no variable in it */
        LITERAL,
        /** one of the words a {@code $NAME} word became (the value split on blanks) */
        SPLIT,
        /** a unit word with {@code ${NAME}} (or {@code $$}) in it: one word whatever the value holds */
        EXPANDED
    }

    /** Checks that nothing is null and copies the list. */
    public ArgWord {
        Objects.requireNonNull(text);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(kind);
        variables = List.copyOf(variables);
        Objects.requireNonNull(unitWord);
    }

    /** The variable a {@link Kind#SPLIT} word came from. */
    public Optional<String> splitFrom() {
        return kind == Kind.SPLIT ? Optional.of(variables.get(0)) : Optional.empty();
    }

    /** This word as an argument for a flag parser. */
    public Argument toArgument() {
        return new Argument(text, origin);
    }
}
