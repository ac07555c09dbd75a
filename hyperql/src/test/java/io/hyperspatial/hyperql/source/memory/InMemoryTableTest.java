package io.hyperspatial.hyperql.source.memory;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InMemoryTableTest {
    private InMemoryDataSource source;
    private Table table;

    @BeforeEach
    void table() {
        source = new InMemoryDataSource();
        source.createTable(new TableSchema("t", List.of(ColumnSchema.of("id", "INTEGER"), ColumnSchema.of("code", "TEXT"),
                ColumnSchema.of("n", "INTEGER")), List.of("id"), List.of(List.of("code"))));
        table = source.table("T").orElseThrow();
    }

    @Test
    void anIntegerPrimaryKeyIsFilledInWhenNull() {
        Applied applied = table.apply(List.of(insert(null, "a", 1L), insert(10L, "b", 2L), insert(null, "c", 3L)));

        assertThat(ids(new AccessRequest.FullScan(null))).containsExactly(1L, 10L, 11L);
        assertThat(applied.changed()).isEqualTo(3);
        assertThat(applied.lastInserted()).as("the last row as stored, its key filled in").containsExactly(11L, "c", 3L);
    }

    @Test
    void aViolatedConstraintRollsBackEveryMutationOfTheList() {
        table.apply(List.of(insert(1L, "a", 1L), insert(2L, "b", 2L)));
        long schema = source.schemaVersion();

        HqlExecutionException e = catchThrowableOfType(HqlExecutionException.class, () -> table.apply(List.of(
                new TableMutation.Delete(0L), new TableMutation.Update(1L, new Object[] {2L, "z", 9L}),
                insert(3L, "c", 3L), insert(4L, "z", 4L))));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_CONSTRAINT);
        assertThat(e.getMessage()).isEqualTo("UNIQUE constraint failed: t.code");
        assertThat(ids(new AccessRequest.FullScan(null))).containsExactly(1L, 2L);
        assertThat(ids(new AccessRequest.Lookup(1, "b", null))).containsExactly(2L);
        assertThat(ids(new AccessRequest.Lookup(1, "z", null))).isEmpty();
        assertThat(ids(new AccessRequest.Lookup(1, "c", null))).isEmpty();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(source.schemaVersion()).isEqualTo(schema);
    }

    @Test
    void nullsNeverCollideInAUniqueIndexAndAreNotIndexed() {
        table.apply(List.of(insert(1L, null, 1L), insert(2L, null, 2L)));

        assertThat(ids(new AccessRequest.FullScan(null))).containsExactly(1L, 2L);
        assertThat(ids(new AccessRequest.Lookup(1, null, null))).isEmpty();
    }

    @Test
    void indexesOfferLookupAndRangeOnTheirLeadingColumn() {
        source.createIndex(new IndexDefinition("t_n", "t", List.of("n"), false));
        table.apply(List.of(insert(1L, "a", 30L), insert(2L, "b", 10L), insert(3L, "c", 20L), insert(4L, "d", 20L)));

        assertThat(table.accessPaths()).contains(new AccessPath.KeyLookup(0, true), new AccessPath.KeyLookup(2, false),
                new AccessPath.RangeScan(2));
        assertThat(ids(new AccessRequest.Range(2, 10L, false, 30L, false, null))).containsExactly(3L, 4L);
        assertThat(ids(new AccessRequest.Range(2, null, true, 20.0, true, null))).containsExactly(2L, 3L, 4L);
        assertThat(ids(new AccessRequest.Lookup(2, 20.0, null))).containsExactly(3L, 4L);
    }

    @Test
    void replaceDeletesTheCollidingRowAndIgnoreSkipsTheNewOne() {
        table.apply(List.of(insert(1L, "a", 1L)));

        table.apply(List.of(new TableMutation.Insert(new Object[] {2L, "a", 2L}, TableMutation.OnConflict.REPLACE)));
        assertThat(ids(new AccessRequest.FullScan(null))).containsExactly(2L);
        assertThat(table.apply(List.of(new TableMutation.Insert(new Object[] {3L, "a", 3L}, TableMutation.OnConflict.IGNORE))))
                .isEqualTo(new Applied(0, null));
        assertThat(ids(new AccessRequest.FullScan(null))).containsExactly(2L);
    }

    private static TableMutation insert(Long id, String code, Long n) {
        return new TableMutation.Insert(new Object[] {id, code, n}, TableMutation.OnConflict.ABORT);
    }

    private List<Object> ids(AccessRequest request) {
        List<Object> out = new ArrayList<>();
        RowCursor c = table.open(request);
        while (c.next()) {
            out.add(c.row()[0]);
        }
        return out;
    }
}
