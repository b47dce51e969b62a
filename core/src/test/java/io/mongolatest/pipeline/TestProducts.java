package io.mongolatest.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.mongolatest.pipeline.model.ProductFiles;
import io.mongolatest.pipeline.model.ProductPackage;

/** Product packages written in a test, file by file. */
final class TestProducts {
    private final Map<String, String> files = new LinkedHashMap<>();

    static TestProducts withPipeline(String yaml) {
        TestProducts p = new TestProducts();
        p.files.put("pipeline.yaml", yaml);
        return p;
    }

    TestProducts file(String path, String text) {
        files.put(path, text);
        return this;
    }

    ProductFiles files() {
        TreeMap<String, byte[]> bytes = new TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProductFiles("test-product", bytes);
    }

    ProductPackage load(Set<String> builtins) {
        return ProductPackage.load(files(), builtins);
    }
}
