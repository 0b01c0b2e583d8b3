package dev.criconf.validate.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The official SARIF 2.1.0 JSON schema (test resource, see sarif/SOURCE.md), with format assertions on. */
final class SarifSchema {

    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("sarif/sarif-schema-2.1.0.json is not on the test classpath");
            }
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a SARIF document, one line each; empty when it is valid. */
    static List<String> violations(String sarif) {
        List<Error> errors = SCHEMA.validate(sarif, InputFormat.JSON);
        return errors.stream().map(Error::toString).collect(Collectors.toList());
    }
}
