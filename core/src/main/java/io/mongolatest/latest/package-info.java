/**
 * The latest build as the product and the engines both see it, depending on neither: the record rules
 * ({@code latest.records}, SPEC §7), the input's collections and files ({@code latest.input}), the pass over one
 * file that every engine runs ({@link io.mongolatest.latest.FileVersions}, {@link io.mongolatest.latest.ChosenLines}),
 * and the build job an engine runs for the product ({@link io.mongolatest.latest.LatestBuildJob}, offered as the
 * session capability {@link io.mongolatest.latest.LatestBuild}) with its results. The product decides what to build
 * and publishes it; the engine decides how.
 */
package io.mongolatest.latest;
