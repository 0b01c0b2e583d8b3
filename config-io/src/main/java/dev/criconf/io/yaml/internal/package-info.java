/**
 * Implementation of the YAML package: scalar resolution per schema, value decoding with alias
 * budgets, scalar writing, text scans. Not API.
 */
package dev.criconf.io.yaml.internal;
