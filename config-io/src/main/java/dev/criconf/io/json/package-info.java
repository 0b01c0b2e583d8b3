/**
 * JSON files such as Docker's {@code daemon.json}: a lossless document with a tree of spans
 * ({@link dev.criconf.io.json.JsonDocument}, {@link dev.criconf.io.json.JsonValue}), plain values
 * for what a document means and what edits insert ({@link dev.criconf.io.json.JsonData}), and paths
 * ({@link dev.criconf.io.json.JsonPath}).
 */
package dev.criconf.io.json;
