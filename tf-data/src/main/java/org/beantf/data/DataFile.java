package org.beantf.data;

/**
 * One file of a dataset as the cache keeps it: decompressed, with the pinned SHA-256 of its bytes.
 *
 * @param name the file name in the cache folder (and, with ".gz" added, at the canonical address)
 * @param sha256 lower-case hex SHA-256 of the decompressed bytes
 * @param bytes the decompressed size, checked before hashing so a wrong file fails fast
 */
public record DataFile(String name, String sha256, long bytes) {}
