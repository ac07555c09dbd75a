package io.hyperspatial.bench.ann;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The ANN benchmark of the bench module: {@code generate} seeded data sets with ground truth,
 * {@code run} brute force, Lucene and jvector on one of them, {@code report} the comparison with
 * the Python peers (hnswlib, faiss: {@code bench/peers/ann_peers.py}) and ours
 * ({@code hyperspatial bench ann}), and {@code paired}: ours and native hnswlib with their query
 * passes alternated in one run. {@code bench/run-ann.sh} runs the whole comparison,
 * {@code bench/run-ann-paired.sh} the paired one.
 */
@Command(name = "ann-bench", mixinStandardHelpOptions = true,
        description = "ANN benchmark: generate data, run the JVM subjects, report the comparison.",
        subcommands = {GenerateCommand.class, RunCommand.class, ReportCommand.class, PairedCommand.class})
public final class AnnBench implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new AnnBench()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
