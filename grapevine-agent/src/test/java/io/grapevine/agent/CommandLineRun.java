package io.grapevine.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process and captures its exit code, stdout and stderr. */
record CommandLineRun(int exitCode, String out, String err) {
    static CommandLineRun of(String... args) {
        CommandLine cli = GrapevineCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
