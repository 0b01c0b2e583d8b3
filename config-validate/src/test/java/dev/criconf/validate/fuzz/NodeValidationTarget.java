package dev.criconf.validate.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.fuzz.Located;
import dev.criconf.io.fuzz.NodeTree;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.node.EditPlan;
import dev.criconf.io.node.FileChange;
import dev.criconf.io.node.NodeEditor;
import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.CriconfException;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import dev.criconf.validate.report.JsonRenderer;
import dev.criconf.validate.report.SarifRenderer;
import dev.criconf.validate.report.TextRenderer;
import dev.criconf.validate.report.ToolInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of the whole-node fuzz target: fuzz data becomes a node tree ({@link NodeTree}: kubelet
 * unit and drop-ins, env files, kubelet config, profile, containerd, CRI-O, cri-dockerd, Docker,
 * sysctl.d, modules-load.d), which is loaded, validated with the built-in rules, reported in every
 * format, and each fix of each finding is planned (never written). For any input:
 * <ul>
 *   <li>loading, validating and rendering throw nothing at all (they promise problems and findings
 *       instead); planning a fix may refuse with the library's own exception
 *       ({@link CriconfException}, e.g. an {@code EditException} for a node it cannot edit), nothing
 *       else; an {@link Error} such as {@link StackOverflowError} propagates and fails the target;</li>
 *   <li>no {@value Validator#INTERNAL_ERROR_ID} finding: that is a rule that threw;</li>
 *   <li>every problem and every finding location points into the file it names, with the line and
 *       column of its offset, or names a file (or the node) as a whole;</li>
 *   <li>the JSON and SARIF reports are well-formed JSON; a plan only changes files inside the root.</li>
 * </ul>
 * The node is loaded with {@link ParseLimits#DEFAULTS} and with tight limits (as config-io's
 * targets), so that small inputs reach the limit checks too. Hangs are bounded by the caller.
 */
final class NodeValidationTarget {

    /** The same tight limits as config-io's format targets. */
    static final ParseLimits TIGHT = new ParseLimits(512, 4, 2, 2);

    /**
     * At most this many distinct fixes are planned per input: each plan copies and re-loads the
     * node, and a fuzzed node can have hundreds of findings; the first ones in report order are as
     * good as any for the property.
     */
    static final int MAX_PLANS = 12;

    private static final Validator VALIDATOR = Validator.builder().ruleSet(RuleSet.builtIn()).build();
    private static final ToolInfo TOOL = ToolInfo.of("criconf", "fuzz");
    private static final JsonFactory JSON = new JsonFactory();

    private NodeValidationTarget() {}

    static void loadAndValidate(NodeTree tree, byte[] input) {
        Path root = tree.write(input);
        for (ParseLimits limits : List.of(ParseLimits.DEFAULTS, TIGHT)) {
            NodeConfig node = NodeLoader.create().withLimits(limits).load(root);
            Report report = VALIDATOR.validate(node);
            Texts texts = new Texts(root, limits);
            for (Problem p : node.problems()) {
                texts.check("node problem '" + p.message() + "'", p.origin());
            }
            for (Finding f : report.findings()) {
                if (f.ruleId().equals(Validator.INTERNAL_ERROR_ID)) {
                    throw new AssertionError("a rule threw: " + f.message());
                }
                texts.check(f.ruleId() + " finding", f.location());
                for (RelatedLocation r : f.related()) {
                    texts.check(f.ruleId() + " related location '" + r.message() + "'", r.location());
                }
            }
            render(report);
            if (limits == ParseLimits.DEFAULTS) {
                planFixes(root, node, report);
            }
        }
    }

    private static void render(Report report) {
        TextRenderer.plain().render(report);
        new TextRenderer(true).render(report);
        wellFormedJson("JSON report", new JsonRenderer(TOOL).render(report));
        wellFormedJson("SARIF report", new SarifRenderer(TOOL).render(report));
    }

    private static void wellFormedJson(String what, String text) {
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new AssertionError(what + " does not start with an object: " + t);
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new AssertionError(what + " has text after its object");
            }
        } catch (IOException e) {
            throw new AssertionError(what + " is not well-formed JSON: " + e.getMessage(), e);
        }
    }

    private static void planFixes(Path root, NodeConfig node, Report report) {
        Set<List<NodeEdit>> fixes = new LinkedHashSet<>();
        for (Finding f : report.findings()) {
            for (Fix fix : f.fixes()) {
                if (fixes.size() < MAX_PLANS) {
                    fixes.add(fix.edits());
                }
            }
        }
        for (List<NodeEdit> edits : fixes) {
            EditPlan plan;
            try {
                plan = NodeEditor.of(root, node).plan(edits);
            } catch (CriconfException refused) {
                continue; // the library refuses with its own exception type: allowed
            } catch (RuntimeException e) {
                throw new AssertionError("planning " + edits + " threw " + e, e);
            }
            for (FileChange c : plan.changes()) {
                Path p = Path.of(c.file());
                if (p.isAbsolute() || !p.normalize().equals(p) || p.startsWith("..") || c.file().isEmpty()) {
                    throw new AssertionError("a plan for " + edits + " changes " + c.file() + ", not a file inside the root");
                }
            }
            String diff = plan.unifiedDiff();
            if (plan.isEmpty() != diff.isEmpty()) {
                throw new AssertionError("a plan with " + plan.changes().size() + " changes has a diff of " + diff.length() + " chars");
            }
        }
    }

    /** The node's files as their readers decoded them, read on demand, for checking origins. */
    private static final class Texts {

        private final NodeRootFiles files;
        private final Located located = new Located();
        private final Map<String, Boolean> read = new HashMap<>();

        Texts(Path root, ParseLimits limits) {
            this.files = NodeRootFiles.of(root, limits);
        }

        /**
         * An origin in a file of the node lies within its text, at the line and column of its
         * offset; an origin naming the node ({@value Validator#NODE_FILE}) or a path that is no
         * readable file (a missing file, a directory, a link out of the root) covers nothing.
         */
        void check(String what, Origin o) {
            if (knows(o.file())) {
                located.check(what, o);
            } else if (!o.equals(Origin.ofFile(o.file()))) {
                throw new AssertionError(what + " at " + Located.describe(o) + " points into " + o.file()
                        + ", which is not a readable file of the node");
            }
        }

        private boolean knows(String file) {
            return read.computeIfAbsent(file, f -> {
                if (f.equals(Validator.NODE_FILE) || f.isEmpty()) {
                    return false;
                }
                Optional<byte[]> bytes;
                try {
                    bytes = files.read(f).bytes();
                } catch (CriconfException | java.nio.file.InvalidPathException e) {
                    return false;
                }
                if (bytes.isEmpty()) {
                    return false;
                }
                located.add(f, SourceText.decodeUtf8(f, bytes.get()).source().text());
                return true;
            });
        }
    }
}
