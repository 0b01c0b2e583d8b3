/**
 * Version knowledge as plain data: defaults per release, plugin ids per containerd schema,
 * which kubelet flags exist in which release. Each class cites the upstream file its facts come
 * from; the research sheets in the project's shared data hold the details.
 */
package dev.criconf.model.catalog;
