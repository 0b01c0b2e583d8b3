package dev.criconf.validate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, independent of running it: the metadata reports, SARIF's {@code rules} table
 * and {@code criconf explain} show. Kept next to the rule's code, like error-prone's
 * {@code @BugPattern}.
 *
 * @param id              stable lower-kebab-case id, never reused, e.g. {@code cgroup-driver-mismatch}
 * @param defaultSeverity severity of its findings unless the user overrides it
 * @param title           one line, sentence case, no final period, e.g. "Kubelet and runtime cgroup drivers differ"
 * @param rationale       one paragraph: what goes wrong on a node, and why
 * @param references      upstream documentation or source the rule rests on, most useful first
 * @param example         before/after text for {@code criconf explain}
 * @param fixable         whether its findings may carry fixes
 */
public record RuleDescriptor(
        String id,
        Severity defaultSeverity,
        String title,
        String rationale,
        List<URI> references,
        RuleExample example,
        boolean fixable) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

    /** Checks the components and copies collections; see the class description. */
    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(example, "example");
        references = List.copyOf(references);
        if (!isValidId(id)) {
            throw new IllegalArgumentException("rule id '" + id + "' is not lower-kebab-case");
        }
        if (title.isBlank() || title.contains("\n")) {
            throw new IllegalArgumentException("rule " + id + ": the title must be one non-blank line");
        }
        if (rationale.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": the rationale is empty");
        }
        for (URI ref : references) {
            if (!ref.isAbsolute()) {
                throw new IllegalArgumentException("rule " + id + ": reference " + ref + " is not an absolute URI");
            }
        }
    }

    /** Whether {@code text} is a well-formed rule id: lower-kebab-case ASCII letters and digits. */
    public static boolean isValidId(String text) {
        return ID.matcher(text).matches();
    }

    /** Starts a descriptor; {@link Builder#build()} checks it. */
    public static Builder builder(String id, Severity defaultSeverity) {
        return new Builder(id, defaultSeverity);
    }

    /** Builds a {@link RuleDescriptor}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Severity defaultSeverity;
        private String title = "";
        private String rationale = "";
        private final List<URI> references = new ArrayList<>();
        private RuleExample example;
        private boolean fixable;

        private Builder(String id, Severity defaultSeverity) {
            this.id = id;
            this.defaultSeverity = defaultSeverity;
        }

        /** Sets the one-line title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Sets the one-paragraph rationale. */
        public Builder rationale(String rationale) {
            this.rationale = rationale;
            return this;
        }

        /** Adds a reference URL. */
        public Builder reference(String url) {
            references.add(URI.create(url));
            return this;
        }

        /** Sets the before/after example. */
        public Builder example(String file, String before, String after) {
            this.example = new RuleExample(file, before, after);
            return this;
        }

        /** Says whether findings may carry fixes. */
        public Builder fixable(boolean fixable) {
            this.fixable = fixable;
            return this;
        }

        /** The descriptor; throws {@link IllegalArgumentException} when a part is missing or malformed. */
        public RuleDescriptor build() {
            if (example == null) {
                throw new IllegalArgumentException("rule " + id + " has no example");
            }
            return new RuleDescriptor(id, defaultSeverity, title, rationale, references, example, fixable);
        }
    }
}
