package io.mongolatest.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import io.mongolatest.pipeline.model.PipelineYaml;
import io.mongolatest.pipeline.model.ProductFiles;

/** {@code --product}, for commands that only need the product's DataProduct id. */
final class ProductOption {
    @Option(names = "--product", paramLabel = "DIR",
            description = "Product package folder. Default: the built-in Mongo Latest product.")
    Path product;

    String dataProduct() {
        ProductFiles files = product == null ? ProductFiles.bundled() : ProductFiles.fromDirectory(product);
        // Builtin kinds do not matter here; any unknown kind is reported when running.
        return new PipelineYaml(files.origin() + "/pipeline.yaml", io.mongolatest.product.MongoLatestProduct.builtinKinds())
                .parse(files.text("pipeline.yaml")).dataProduct();
    }
}
