package dev.criconf.examples.internalaccess;

import dev.criconf.io.internal.SourceText;
import dev.criconf.model.internal.Strings;
import dev.criconf.validate.internal.rules.BuiltInRules;

/** Reaches into one internal package of each library module; javac must refuse every import. */
final class UsesInternals {

    private UsesInternals() {
    }

    static int use() {
        return Strings.editDistance("a", "b", 2) + SourceText.of("x", "y").toString().length()
                + BuiltInRules.all().size();
    }
}
