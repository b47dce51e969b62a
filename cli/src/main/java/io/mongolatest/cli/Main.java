package io.mongolatest.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: sets up logging for the process, parses the command line, runs one command, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Logging logging = Logging.ofProcess();
        logging.install();
        int code = Cli.execute(args, out, err, logging);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
