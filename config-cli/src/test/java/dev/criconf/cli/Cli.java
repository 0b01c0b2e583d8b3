package dev.criconf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs {@link Main} in-process with captured output. */
public final class Cli {

    private Cli() {
    }

    /** What a run printed and returned. */
    public record Result(int status, String out, String err) {

        /** Standard error's lines (none for empty output). */
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n", -1)).subList(0, err.endsWith("\n")
                    ? err.split("\n", -1).length - 1 : err.split("\n", -1).length);
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs without a terminal, an empty environment and no node source. */
    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs without a terminal and no node source. */
    public static Result run(Map<String, String> env, String... args) {
        return run(Terminal.of(false, env), Optional.empty(), env, args);
    }

    /** Runs with everything given. */
    public static Result run(Terminal terminal, Optional<NodeSource> nodes, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, terminal, nodes);
        return new Result(status, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
