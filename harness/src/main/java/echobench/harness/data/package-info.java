/**
 * Datasets as lists of labelled {@link echobench.harness.data.Sample}s: the EchoNet-Dynamic and
 * EchoNet-Pediatric layouts and V-JEPA style list files. Loaders read index files only and report
 * malformed rows as {@link echobench.reports.io.InputException}s naming the file and line.
 */
package echobench.harness.data;

import echobench.reports.io.InputException;
