package io.hyperspatial.hyperql;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlSyntaxException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TablesOnly;
import io.hyperspatial.hyperql.source.memory.InMemoryDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** MATCH, shortest paths and edge statements over the in-memory graph: plans, errors, and a differential check. */
class GraphQueryTest {
    private Engine engine;

    @BeforeEach
    void smallGraph() {
        engine = new Engine(new InMemoryDataSource());
        engine.executeScript("""
                CREATE TABLE person(id TEXT PRIMARY KEY, name TEXT, age INTEGER);
                INSERT INTO person VALUES('a', 'alice', 30), ('b', 'bob', 25), ('c', 'carol', 35);
                CREATE EDGE TYPE knows;
                INSERT EDGE knows FROM person TO person VALUES('a', 'b', 0.5), ('b', 'c', 1.0);
                """);
    }

    @Test
    void explainShowsTheTraversalWithItsPushedFilters() {
        List<String> plan = lines("EXPLAIN SELECT b.name FROM MATCH (a:person)-[e:knows*1..3]->(b:person) "
                + "WHERE a.id = 'a' AND b.age > 30 AND e.weight < 3 AND b.age > a.age");

        assertThat(plan).anyMatch(l -> l.strip().equals("GraphMatch (a:person)-[e:knows*1..3]->(b:person) filter at step 1 "
                + "(((age > 30) AND (weight < 3)) AND (age > age))"));
        assertThat(plan).anyMatch(l -> l.strip().startsWith("KeyLookup person AS a on id = 'a'"));
        assertThat(plan).noneMatch(l -> l.strip().startsWith("Filter"));
    }

    @Test
    void aPatternLabelledOnlyAtItsEndStartsThereWithTheFilterPushedIntoTheRead() {
        List<String> plan = lines("EXPLAIN SELECT count(*) FROM MATCH (x)-[:knows]->(p:person) WHERE p.id = 'b'");

        assertThat(plan).anyMatch(l -> l.strip().equals("GraphMatch (p:person)<-[:knows]-(x)"));
        assertThat(plan).anyMatch(l -> l.strip().startsWith("KeyLookup person AS p on id = 'b'"));
        assertThat(rows("SELECT count(*) FROM MATCH (x)-[:knows]->(p:person) WHERE p.id = 'b'")).containsExactly(List.of(1L));
        assertThat(lines("EXPLAIN SELECT * FROM MATCH (a:person)-[:knows|KNOWS]->(b)")).anyMatch(l -> l.contains("-[:knows]->"));
    }

    @Test
    void aPatternLabelledOnlyInTheMiddleStartsThereAndGoesBothWays() {
        engine.executeScript("""
                CREATE TABLE city(code TEXT PRIMARY KEY, name TEXT);
                INSERT INTO city VALUES('rom', 'rome');
                CREATE EDGE TYPE lives_in;
                INSERT EDGE lives_in FROM person TO city VALUES('b', 'rom'), ('c', 'rom');
                """);
        String sql = "SELECT p.name, count(*) FROM MATCH (x)-[:knows]->(p:person)-[:lives_in]->(c) WHERE p.age > 20"
                + " GROUP BY p.name ORDER BY 1";

        assertThat(rows(sql)).containsExactly(List.of("bob", 1L), List.of("carol", 1L));
        assertThat(lines("EXPLAIN " + sql)).anyMatch(l -> l.strip().equals(
                "GraphMatch (p:person)<-[:knows]-(x), (p:person)-[:lives_in]->(c)"));
        assertThat(lines("EXPLAIN " + sql)).anyMatch(l -> l.strip().startsWith("Filter (age > 20)"));
        assertThat(code("SELECT * FROM MATCH (a)-[:knows]->(b)-[:knows]->(c)")).as("no label at all").isEqualTo(ErrorCode.HQL_UNSUPPORTED);
    }

    @Test
    void anUnboundedStarIsCappedAndShortestPathIsNot() {
        assertThat(lines("EXPLAIN SELECT * FROM MATCH (a:person)-[:knows*]->(b:person)"))
                .anyMatch(l -> l.contains("-[:knows*1..8]->"));
        assertThat(lines("EXPLAIN SELECT * FROM SHORTEST PATH (a:person)-[:knows*]->(b:person)"))
                .anyMatch(l -> l.startsWith("  ShortestPath (a:person)-[:knows*1..]->(b:person)"));
    }

    @Test
    void aSyntaxErrorInAPatternSaysWhereAndWhatWasExpected() {
        HqlSyntaxException missingParen = catchThrowableOfType(HqlSyntaxException.class,
                () -> engine.execute("SELECT *\nFROM MATCH (a:person)-[:knows]->b"));
        assertThat(missingParen.position()).isEqualTo(new SourcePosition(2, 33));
        assertThat(missingParen.getMessage()).contains("near 'b'").contains("expected '('");

        HqlSyntaxException noType = catchThrowableOfType(HqlSyntaxException.class,
                () -> engine.execute("SELECT * FROM MATCH (a:person)-[:knows| ]->(b)"));
        assertThat(noType.position()).isEqualTo(new SourcePosition(1, 41));
        assertThat(noType.getMessage()).contains("expected an edge type name after '|'");

        HqlSyntaxException badRange = catchThrowableOfType(HqlSyntaxException.class,
                () -> engine.execute("SELECT * FROM MATCH (a:person)-[:knows*2..x]->(b)"));
        assertThat(badRange.position()).isEqualTo(new SourcePosition(1, 43));
        assertThat(badRange.getMessage()).contains("near 'x'").contains("expected a number, '..' or ']'");

        HqlSyntaxException empty = catchThrowableOfType(HqlSyntaxException.class,
                () -> engine.execute("SELECT * FROM MATCH (a:person)-[:knows*3..1]->(b)"));
        assertThat(empty.getMessage()).contains("*3..1 is empty");
    }

    @Test
    void namesInPatternsAreChecked() {
        assertThat(code("SELECT * FROM MATCH (a:person)-[:likes]->(b)")).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(code("SELECT * FROM MATCH (a:nobody)-[:knows]->(b)")).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(code("SELECT * FROM MATCH (a)-[:knows]->(b)")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(code("SELECT * FROM MATCH (a:person)-[:knows|likes]->(b)")).isEqualTo(ErrorCode.HQL_UNKNOWN_TABLE);
        assertThat(code("SELECT * FROM MATCH (a:person)-[a:knows]->(b)")).isEqualTo(ErrorCode.HQL_DUPLICATE_OBJECT);
        assertThat(code("SELECT b.name FROM MATCH (a:person)-[:knows]->(b)")).isEqualTo(ErrorCode.HQL_UNKNOWN_COLUMN);
        assertThat(code("SELECT * FROM SHORTEST PATH (a:person)-[:knows]->(b)-[:knows]->(c)")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
        assertThat(code("SELECT * FROM SHORTEST WEIGHTED PATH (a:person)-[:knows*1..3]->(b)")).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
    }

    @Test
    void aBadEdgeWriteNamesTheProblemAndChangesNothing() {
        HqlException missing = catchThrowableOfType(HqlException.class, () -> engine.execute(
                "INSERT EDGE knows FROM person TO person VALUES('a', 'c', 1.0), ('c', 'zed', 1.0)"));
        assertThat(missing.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(missing.getMessage()).contains("person('zed')");
        assertThat(code("INSERT EDGE knows FROM person('a') TO person('c') WEIGHT 1e308 * 10")).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(code("INSERT EDGE knows FROM person('a') TO person('c') WEIGHT 'heavy'")).isEqualTo(ErrorCode.HQL_TYPE_MISMATCH);
        assertThat(code("INSERT EDGE knows FROM person('a') TO person('c') WEIGHT 1, 2")).isEqualTo(ErrorCode.HQL_SYNTAX);
        assertThat(code("DELETE EDGE knows FROM person TO person SELECT 'a', 'b', 1")).isEqualTo(ErrorCode.HQL_COLUMN_COUNT);

        assertThat(rows("SELECT count(*) FROM MATCH (x:person)-[:knows]->(y:person)")).containsExactly(List.of(2L));
    }

    @Test
    void edgesOfADeletedRowDisappearWithIt() {
        engine.execute("DELETE FROM person WHERE id = 'b'");

        assertThat(rows("SELECT count(*) FROM MATCH (x:person)-[:knows]-(y:person)")).containsExactly(List.of(0L));
    }

    @Test
    void aSourceWithoutAGraphSaysSo() {
        Engine plain = new Engine(new TablesOnly(new InMemoryDataSource()));
        plain.execute("CREATE TABLE t(id INTEGER PRIMARY KEY)");

        for (String sql : List.of("CREATE EDGE TYPE e", "SELECT * FROM MATCH (a:t)-[:e]->(b)",
                "INSERT EDGE e FROM t(1) TO t(1)")) {
            HqlException e = catchThrowableOfType(HqlException.class, () -> plain.execute(sql));
            assertThat(e.code()).as(sql).isEqualTo(ErrorCode.HQL_UNSUPPORTED);
            assertThat(e.getMessage()).contains("no graph");
        }
    }

    /** Random graphs: MATCH counts simple paths and SHORTEST PATH finds BFS distances, as a direct search does. */
    @Test
    void matchesADirectSearchOnRandomGraphs() {
        Random random = new Random(20261121);
        for (int round = 0; round < 5; round++) {
            Engine e = new Engine(new InMemoryDataSource());
            int nodes = 12 + random.nextInt(10);
            e.executeScript("CREATE TABLE n(id INTEGER PRIMARY KEY); CREATE EDGE TYPE e");
            Map<Integer, Set<Integer>> out = new HashMap<>();
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < nodes; i++) {
                values.append(i == 0 ? "" : ", ").append('(').append(i).append(')');
                out.put(i, new HashSet<>());
            }
            e.execute("INSERT INTO n VALUES " + values);
            for (int k = 0; k < nodes * 2; k++) {
                int from = random.nextInt(nodes);
                int to = random.nextInt(nodes);
                out.get(from).add(to);
                e.execute("INSERT EDGE e FROM n(?) TO n(?)", from, to);
            }
            for (int start = 0; start < nodes; start += 3) {
                long paths = (long) rows(e, "SELECT count(*) FROM MATCH (a:n)-[:e*1..3]->(b:n) WHERE a.id = ?", start).get(0).get(0);
                assertThat(paths).as("round %d start %d", round, start).isEqualTo(simplePaths(out, start, 3, new HashSet<>()));

                Map<Integer, Integer> distances = bfs(out, start);
                List<List<Object>> shortest = rows(e, "SELECT b.id, p.length FROM SHORTEST PATH (a:n)-[p:e*]->(b:n) WHERE a.id = ?", start);
                assertThat(shortest).hasSize(distances.size());
                for (List<Object> r : shortest) {
                    assertThat(((Long) r.get(1)).intValue()).isEqualTo(distances.get(((Long) r.get(0)).intValue()));
                }
            }
        }
    }

    /**
     * Random graphs with two edge types: {@code [:e|f*1..3]} counts the simple paths over either type
     * (two edges between the same nodes are two paths), forwards from a start and, when only the last
     * node has a label, backwards from it; a pattern labelled only in the middle finds the paths the
     * same pattern labelled everywhere finds.
     */
    @Test
    void alternativesAndPatternsReadFromTheirEndMatchADirectSearch() {
        Random random = new Random(20261122);
        for (int round = 0; round < 4; round++) {
            Engine e = new Engine(new InMemoryDataSource());
            int nodes = 10 + random.nextInt(8);
            e.executeScript("CREATE TABLE n(id INTEGER PRIMARY KEY); CREATE EDGE TYPE e; CREATE EDGE TYPE f; CREATE EDGE TYPE g");
            Map<Integer, List<Integer>> out = new HashMap<>();
            Map<Integer, List<Integer>> in = new HashMap<>();
            for (int i = 0; i < nodes; i++) {
                e.execute("INSERT INTO n(id) VALUES(?)", i);
                out.put(i, new ArrayList<>());
                in.put(i, new ArrayList<>());
            }
            Set<String> written = new HashSet<>();
            for (int k = 0; k < nodes * 3; k++) {
                String type = List.of("e", "f", "g").get(random.nextInt(3));
                int from = random.nextInt(nodes);
                int to = random.nextInt(nodes);
                e.execute("INSERT EDGE " + type + " FROM n(?) TO n(?)", from, to);
                if (!type.equals("g") && written.add(type + from + ">" + to)) {
                    out.get(from).add(to);
                    in.get(to).add(from);
                }
            }
            for (int node = 0; node < nodes; node += 2) {
                long forwards = (long) rows(e, "SELECT count(*) FROM MATCH (a:n)-[:e|f*1..3]->(b) WHERE a.id = ?", node).get(0).get(0);
                assertThat(forwards).as("round %d from %d", round, node).isEqualTo(simplePaths(out, node, 3, new HashSet<>()));
                long backwards = (long) rows(e, "SELECT count(*) FROM MATCH (a)-[:f|e*1..3]->(b:n) WHERE b.id = ?", node).get(0).get(0);
                assertThat(backwards).as("round %d to %d", round, node).isEqualTo(simplePaths(in, node, 3, new HashSet<>()));
            }
            List<List<Object>> fromTheMiddle = rows(e, "SELECT m.id, count(*) FROM MATCH (a)-[:e|f*1..2]->(m:n)-[:f]->(b)<-[:e]-(c)"
                    + " GROUP BY m.id ORDER BY 1");
            List<List<Object>> fromTheStart = rows(e, "SELECT m.id, count(*) FROM MATCH (a:n)-[:e|f*1..2]->(m:n)-[:f]->(b:n)<-[:e]-(c:n)"
                    + " GROUP BY m.id ORDER BY 1");
            assertThat(fromTheMiddle).as("round %d, labelled in the middle only", round).isNotEmpty().isEqualTo(fromTheStart);
        }
    }

    private static long simplePaths(Map<Integer, ? extends java.util.Collection<Integer>> out, int node, int left, Set<Integer> visited) {
        visited.add(node);
        long count = 0;
        if (left > 0) {
            for (int next : out.get(node)) {
                if (!visited.contains(next)) {
                    count += 1 + simplePaths(out, next, left - 1, visited);
                }
            }
        }
        visited.remove(node);
        return count;
    }

    private static Map<Integer, Integer> bfs(Map<Integer, Set<Integer>> out, int start) {
        Map<Integer, Integer> distance = new HashMap<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        Map<Integer, Integer> seen = new HashMap<>(Map.of(start, 0));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : out.get(node)) {
                if (!seen.containsKey(next)) {
                    seen.put(next, seen.get(node) + 1);
                    distance.put(next, seen.get(next));
                    queue.add(next);
                }
            }
        }
        return distance;
    }

    private List<String> lines(String sql) {
        return rows(sql).stream().map(r -> (String) r.get(0)).toList();
    }

    private List<List<Object>> rows(String sql) {
        return rows(engine, sql);
    }

    private static List<List<Object>> rows(Engine e, String sql, Object... parameters) {
        return new ArrayList<>(((StatementResult.Rows) e.execute(sql, parameters)).rows());
    }

    private ErrorCode code(String sql) {
        return catchThrowableOfType(HqlException.class, () -> engine.execute(sql)).code();
    }
}
