package io.hyperspatial.bench.ann;

import io.hyperspatial.core.index.IndexConfig;
import io.hyperspatial.core.index.Quantization;
import io.hyperspatial.core.index.eval.AnnDataset;
import io.hyperspatial.core.index.eval.AnnEvaluation;
import io.hyperspatial.core.index.eval.JsonLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code run}: measures the in-process subjects ({@link JavaSubject}) one after the other on one
 * data set directory with {@link AnnEvaluation}, printing its JSON lines to stdout and appending
 * them to {@code --out}. A subject without the data set's metric prints
 * {@code {"subject":…,"supported":false,"reason":…}} instead.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure brute force, Lucene and jvector on one data set directory.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data set directory (see generate).")
    private Path data;

    @Option(names = "--subjects", split = ",", defaultValue = "brute_force,lucene,jvector",
            description = "Subjects, in order (default ${DEFAULT-VALUE}).")
    private List<String> subjects;

    @Option(names = "--m", defaultValue = "16", description = "Links per node (default ${DEFAULT-VALUE}).")
    private int m;

    @Option(names = "--ef-construction", defaultValue = "200", description = "Build beam width (default ${DEFAULT-VALUE}).")
    private int efConstruction;

    @Option(names = "--threads", defaultValue = "2", description = "Build threads (default ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--ef", split = ",", defaultValue = "10,16,24,32,48,64,96,128,192,256,384,512",
            description = "Search beam widths, increasing (default ${DEFAULT-VALUE}).")
    private int[] efs;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query (default ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--out", paramLabel = "FILE", description = "Also append the JSON lines to this file.")
    private Path out;

    @Option(names = "--work", paramLabel = "DIR", description = "Where Lucene's index directory is made (default: the system temp directory).")
    private Path work;

    @Override
    public Integer call() throws Exception {
        List<JavaSubject> chosen = subjects.stream().map(JavaSubject::parse).toList();
        AnnDataset dataset = DatasetDirectory.read(data);
        IndexConfig config = new IndexConfig(dataset.metric(), dataset.dimension(), m, efConstruction, efs[0],
                Quantization.NONE, 1.0);
        Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"));
        BufferedWriter file = out == null ? null : Files.newBufferedWriter(out, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try {
            for (JavaSubject subject : chosen) {
                String reason = subject.unsupported(dataset.metric());
                if (reason != null) {
                    emit(file, new JsonLine().put("subject", subject.label).put("supported", false)
                            .put("reason", reason).toString());
                    continue;
                }
                System.err.println("ann run: " + subject.label + " on " + data.getFileName() + " ("
                        + dataset.base().length + " x " + dataset.dimension() + ", " + dataset.metric().displayName() + ")");
                int[] subjectEfs = subject.approximate() ? efs : new int[]{efs[0]};
                AnnEvaluation.run(subject.label, subject.factory(workDir), dataset,
                        new AnnEvaluation.Settings(config, threads, k, subjectEfs, 0, 42), line -> emit(file, line));
            }
        } finally {
            if (file != null) {
                file.close();
            }
        }
        return 0;
    }

    private static void emit(BufferedWriter file, String line) {
        System.out.println(line);
        System.out.flush();
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
