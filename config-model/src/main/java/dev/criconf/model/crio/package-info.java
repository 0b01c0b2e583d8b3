/** CRI-O's {@code crio.conf} and its drop-ins ({@code crio.conf.d}), merged as CRI-O merges them. */
package dev.criconf.model.crio;
