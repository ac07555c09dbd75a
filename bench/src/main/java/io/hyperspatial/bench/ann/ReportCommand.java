package io.hyperspatial.bench.ann;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code report}: reads the JSON lines of one data set's run (any number of files, Java and Python
 * subjects together), writes the {@link AnnReport} as JSON to {@code --out} and prints its
 * markdown table and the targets.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combine the JSON lines of one run into a JSON report and a markdown table with ratios.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, split = ",", paramLabel = "FILE", description = "JSON lines files.")
    private List<Path> in;

    @Option(names = "--dataset", required = true, description = "Name of the data set, for the report.")
    private String dataset;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON report here.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path p : in) {
            lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        AnnReport report = AnnReport.of(dataset, lines);
        if (out != null) {
            Files.writeString(out, report.json() + "\n", StandardCharsets.UTF_8);
        }
        System.out.println("### " + dataset);
        System.out.println();
        System.out.print(report.markdown());
        System.out.println();
        for (AnnReport.Target t : report.targets()) {
            String verdict = t.met() == null ? "not judged" : t.met() ? "met" : "NOT met";
            System.out.println("- " + t.name() + ": " + verdict + " (" + t.detail() + ")");
        }
        return 0;
    }
}
