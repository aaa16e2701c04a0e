package org.tea.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tea}: the command line of the Transactive Energy Aggregation simulator. Exit codes: 0 success, 1 a day
 * failed or did not converge, 2 bad configuration, input or usage.
 */
@Command(name = "tea", mixinStandardHelpOptions = true, version = "tea 0.1.0",
        description = "Transactive Energy Aggregation: prosumers as one retailer, a year of hourly retail markets.",
        subcommands = {RunCommand.class, GenerateCommand.class, ReportCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a day failed or did not converge", "2:bad configuration, input or usage"})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int NOT_CONVERGED = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, generate or report");
    }

    /** Runs a command line and returns its exit code (tests call this; {@link #main} exits with it). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tea: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
