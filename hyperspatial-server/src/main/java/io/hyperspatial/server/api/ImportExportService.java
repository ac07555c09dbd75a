package io.hyperspatial.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Blocking;
import com.linecorp.armeria.server.annotation.Default;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import io.hyperspatial.core.HyperspatialDatabase;
import io.hyperspatial.core.exports.CsvExport;
import io.hyperspatial.core.exports.JsonlExport;
import io.hyperspatial.core.imports.ImportFailedException;
import io.hyperspatial.core.imports.ImportFormat;
import io.hyperspatial.core.imports.ImportMapping;
import io.hyperspatial.core.imports.ImportOptions;
import io.hyperspatial.core.imports.ImportReport;
import io.hyperspatial.core.imports.Importer;
import io.hyperspatial.core.imports.OnError;
import io.hyperspatial.core.imports.RowError;
import io.hyperspatial.core.json.JsonTree;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.server.auth.RequiresRole;
import io.hyperspatial.server.auth.Role;
import io.hyperspatial.server.collection.FrozenCollections;
import io.hyperspatial.server.http.ApiException;
import io.hyperspatial.server.http.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /v1/collections/{c}/import} and {@code GET /v1/collections/{c}/export}. The import
 * body is read as it arrives (not aggregated), up to the server's import size limit, and goes
 * through {@link Importer}: {@code ?format=jsonl|json|csv} (jsonl by default: the export format,
 * or rows through a mapping), {@code ?mapping=} the mapping as JSON text (required for csv and
 * json), {@code ?on_error=fail|skip}, {@code ?batch_size=}. The answer reports what was imported;
 * a failure is the row's error (4xx, with its {@code line} and {@code field}) plus that report.
 * The export streams {@link JsonlExport} or {@link CsvExport} ({@code ?format=jsonl|csv}) from one
 * snapshot. Runs on the blocking executor; thread-safe.
 */
@Blocking
public final class ImportExportService {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final HyperspatialDatabase db;
    private final FrozenCollections frozen;

    public ImportExportService(HyperspatialDatabase db, FrozenCollections frozen) {
        this.db = db;
        this.frozen = frozen;
    }

    /**
     * Query parameters are read from the request's URI, not through {@code @Param}: for a body
     * sent as {@code application/x-www-form-urlencoded} (curl's default) Armeria would read the
     * body as form parameters, and the upload with it.
     */
    @Post("/v1/collections/{collection}/import")
    @RequiresRole(Role.WRITE)
    public HttpResponse importData(ServiceRequestContext ctx, @Param("collection") String name, HttpRequest request) {
        String format = query(ctx, "format", "jsonl");
        String onError = query(ctx, "on_error", "fail");
        String mapping = query(ctx, "mapping", "");
        String batchSize = query(ctx, "batch_size", Integer.toString(ImportOptions.DEFAULT_BATCH));
        ImportOptions options = options(format, onError, mapping, batchSize);
        Collection c = db.collection(name);
        InputStream body = request.toInputStream(o -> o instanceof HttpData d ? d : HttpData.empty());
        try (Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            ImportReport report = frozen.write(name, () -> Importer.run(c, in, options, r -> {
            }));
            return Json.ok(report(report));
        } catch (ImportFailedException e) {
            return failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/v1/collections/{collection}/export")
    @RequiresRole(Role.READ)
    public HttpResponse export(ServiceRequestContext ctx, @Param("collection") String name,
                               @Param("format") @Default("jsonl") String format) {
        boolean csv = switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> false;
            case "csv" -> true;
            default -> throw ApiException.invalid("format", "query parameter 'format' must be jsonl or csv, got '" + format + "'");
        };
        ReadView view = db.collection(name).snapshot();
        StreamMessage<HttpData> body = StreamMessage.fromOutputStream(os -> {
            try (view; Writer out = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                if (csv) {
                    CsvExport.write(view, out);
                } else {
                    JsonlExport.write(view, out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ctx.blockingTaskExecutor());
        MediaType type = csv ? MediaType.CSV_UTF_8 : MediaType.parse("application/x-ndjson; charset=utf-8");
        return HttpResponse.of(ResponseHeaders.of(HttpStatus.OK, "content-type", type.toString()), body);
    }

    private static String query(ServiceRequestContext ctx, String name, String absent) {
        String v = ctx.queryParam(name);
        return v == null ? absent : v;
    }

    private static ImportOptions options(String format, String onError, String mapping, String batchSize) {
        try {
            ImportMapping m = null;
            if (!mapping.isEmpty()) {
                try (JsonParser p = JSON.createParser(mapping)) {
                    m = ImportMapping.fromJson(JsonTree.read(p));
                } catch (IOException e) {
                    throw ApiException.invalid("mapping", "query parameter 'mapping' must be a JSON mapping: " + e.getMessage());
                }
            }
            return new ImportOptions(ImportFormat.parse(format), m, OnError.parse(onError), Integer.parseInt(batchSize));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("batch_size", "query parameter 'batch_size' must be an integer, got '" + batchSize + "'");
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("mapping", e.getMessage());
        }
    }

    private static ObjectNode report(ImportReport report) {
        ObjectNode out = Json.object();
        out.put("imported", report.entitiesWritten());
        out.put("rows", report.rowsRead());
        out.put("batches", report.batches());
        out.put("applied_through_line", report.appliedThroughLine());
        out.put("skipped_count", report.skippedCount());
        ArrayNode skipped = out.putArray("skipped");
        report.skipped().forEach(r -> skipped.add(row(r)));
        out.put("sequence", report.sequence());
        out.put("compact_millis", report.compactMillis());
        return out;
    }

    private static ObjectNode row(RowError r) {
        ObjectNode o = Json.object();
        o.put("line", r.line());
        if (r.field() != null) {
            o.put("field", r.field());
        }
        o.put("code", r.code().code());
        o.put("message", r.reason());
        return o;
    }

    /** The bad row as the error (status by its code), with the report of what was imported before it. */
    private static HttpResponse failure(ImportFailedException e) {
        ObjectNode error = row(e.row());
        error.put("message", e.getMessage());
        ObjectNode body = Json.object();
        body.set("error", error);
        body.set("report", report(e.report()));
        return HttpResponse.of(ApiException.statusOf(e.code()), MediaType.JSON_UTF_8, Json.bytes(body));
    }
}
