package io.hyperspatial.hyperql.slt;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own sqllogictest files (under {@code src/test/resources/slt/}), for what select1 does
 * not cover: joins, grouping, set operations, views and DML, arithmetic corners, NULL logic, text and
 * casts, subqueries and ordering, indexes, and the graph extension. Their expected values were produced
 * by SQLite, except graph.test's, worked out by hand on its small graph.
 */
class OwnSltFilesTest {

    @TestFactory
    Stream<DynamicTest> everyFilePasses() throws IOException, URISyntaxException {
        Path dir = Path.of(OwnSltFilesTest.class.getResource("/slt").toURI());
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(p -> p.toString().endsWith(".test")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            SltFileResult result = SltRunner.run(file, file.getFileName().toString());
            String failures = result.failures().stream().limit(10).map(Object::toString).collect(Collectors.joining("\n"));
            assertThat(result.failed()).as("%s\n%s", result.summary(), failures).isZero();
            assertThat(result.passed()).isPositive();
        }));
    }
}
