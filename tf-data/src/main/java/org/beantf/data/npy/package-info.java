/**
 * The NPY format (NumPy's .npy, versions 1-3): {@link org.beantf.data.npy.Npy} and {@link
 * org.beantf.data.npy.NpyMatrix} are the public API; the header parser, dtype table, reader and
 * writer are internal.
 */
package org.beantf.data.npy;
